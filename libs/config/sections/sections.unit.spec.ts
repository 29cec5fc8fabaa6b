import { Problems } from '../config-error.js';
import { read } from '../setting.js';
import { ALL_SETTINGS } from './index.js';

const bounded = ALL_SETTINGS.filter((s) => s.kind.bounds !== undefined).map((s) => [s.name, s] as const);

describe('every bounded setting', () => {
  it.each(bounded)('%s: takes both bounds, refuses one past each, naming itself', (name, definition) => {
    const { min, max } = definition.kind.bounds!;
    for (const inside of [min, max]) {
      const problems = new Problems();
      expect(read({ [name]: String(inside) }, definition, problems)).toBe(inside);
      expect(problems.list).toEqual([]);
    }
    for (const outside of [min - 1, max + 1]) {
      const problems = new Problems();
      expect(read({ [name]: String(outside) }, definition, problems)).toBeUndefined();
      expect(problems.list).toEqual([
        { setting: name, message: `${name} must be an integer from ${min} to ${max}, got "${outside}"` },
      ]);
    }
  });
});

describe('every setting definition', () => {
  it.each(ALL_SETTINGS.map((s) => [s.name, s] as const))('%s: is documented and its default is valid', (_, s) => {
    expect(s.description.length).toBeGreaterThan(0);
    expect(s.description).not.toContain('\n');
    expect(['operator', 'tuning']).toContain(s.group);
    const problems = new Problems();
    // unset: the default (or nothing) without a problem
    expect(read({}, s, problems)).toEqual(s.default);
    expect(problems.list).toEqual([]);
  });
});
