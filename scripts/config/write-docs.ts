/**
 * `npm run config:docs`: writes docs/configuration.md from the setting definitions in
 * libs/config (a unit spec fails while the committed file differs).
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderConfigurationDoc } from '../../libs/config/index.js';

// dist/scripts/config/write-docs.js -> the repository root
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const target = join(root, 'docs', 'configuration.md');
writeFileSync(target, renderConfigurationDoc());
console.log(`wrote ${target}`);
