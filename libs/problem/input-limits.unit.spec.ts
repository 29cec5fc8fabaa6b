import { INPUT_LIMITS, inputProblems } from './input-limits.js';

describe('inputProblems', () => {
  it('accepts ordinary input: text with pairs, tabs and line breaks, numbers, booleans, arrays', () => {
    expect(
      inputProblems({ name: 'Äiti 😀', note: 'rivi 1\n\trivi 2\r\n', n: 3, ok: true, items: [{ a: 'x' }] }),
    ).toEqual([]);
  });

  it('names each offending field by its full path, keys included, in document order', () => {
    expect(inputProblems({ a: { b: [null, 'x\u0007'] }, 'k\u0000': 1, c: '\udc00', d: 'x\ud800' })).toEqual([
      { field: 'a.b[0]', message: expect.stringMatching(/null/) },
      { field: 'a.b[1]', message: expect.stringMatching(/control characters/) },
      { field: 'k\u0000', message: expect.stringMatching(/^the field name must not contain control/) },
      { field: 'c', message: expect.stringMatching(/unpaired surrogate/) },
      { field: 'd', message: expect.stringMatching(/unpaired surrogate/) },
    ]);
  });

  it('stops at the depth and size limits with one problem', () => {
    let deep: unknown = 'leaf';
    for (let i = 0; i < INPUT_LIMITS.maxDepth + 1; i += 1) deep = { x: deep };
    expect(inputProblems(deep)).toEqual([
      { field: 'x'.repeat(INPUT_LIMITS.maxDepth).split('').join('.'), message: expect.stringMatching(/levels deep/) },
    ]);
    expect(
      inputProblems(
        Array.from({ length: INPUT_LIMITS.maxValues }, () => 0),
        'items',
      ),
    ).toEqual([{ field: 'items', message: `must hold at most ${INPUT_LIMITS.maxValues} values` }]);
    expect(inputProblems(Array.from({ length: INPUT_LIMITS.maxValues - 1 }, () => 0))).toEqual([]);
  });
});
