import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderConfigurationDoc } from './render.js';
import { ALL_SETTINGS } from '../sections/index.js';

const committed = () => readFileSync(join(import.meta.dirname, '..', '..', '..', 'docs', 'configuration.md'), 'utf8');

describe('docs/configuration.md', () => {
  it('is the file generated from the definitions (run `npm run config:docs` after changing one)', () => {
    expect(committed()).toBe(renderConfigurationDoc());
  });

  it('lists every setting once, operator settings before tuning settings', () => {
    const doc = renderConfigurationDoc();
    for (const s of ALL_SETTINGS) expect(doc.split(`| \`${s.name}\` |`)).toHaveLength(2);
    const tuning = doc.indexOf('## Tuning settings');
    expect(doc.indexOf('| `PORT` |')).toBeLessThan(tuning);
    expect(doc.indexOf('| `PROJECTOR_BATCH_SIZE` |')).toBeGreaterThan(tuning);
  });

  it('names each setting once across the definitions', () => {
    const names = ALL_SETTINGS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
