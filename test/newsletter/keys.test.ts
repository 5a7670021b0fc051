import { describe, expect, it } from 'vitest';
import { Arranger, unmatchedKeys } from '../../src/lib/newsletter/keys.ts';

const items = (...keys: string[]) => keys.map((key) => ({ key }));
const keysOf = (list: { key: string }[]) => list.map((i) => i.key);

describe('Arranger', () => {
  it.each<[string, { exclude: string[]; order: string[] }, string[], string[]]>([
    ['keeps the order when told nothing', { exclude: [], order: [] }, ['a', 'b', 'c'], ['a', 'b', 'c']],
    ['leaves out excluded keys', { exclude: ['b'], order: [] }, ['a', 'b', 'c'], ['a', 'c']],
    ['puts ordered keys first', { exclude: [], order: ['c'] }, ['a', 'b', 'c'], ['c', 'a', 'b']],
    ['in the order given', { exclude: [], order: ['c', 'a'] }, ['a', 'b', 'c'], ['c', 'a', 'b']],
    [
      'and keeps the others stable',
      { exclude: [], order: ['d'] },
      ['a', 'b', 'c', 'd'],
      ['d', 'a', 'b', 'c'],
    ],
    ['exclusion wins over order', { exclude: ['c'], order: ['c'] }, ['a', 'b', 'c'], ['a', 'b']],
    ['ignores keys of other lists', { exclude: ['x'], order: ['y'] }, ['a', 'b'], ['a', 'b']],
  ])('%s', (_, arrangement, input, expected) => {
    expect(keysOf(new Arranger(arrangement).arrange(items(...input)))).toEqual(expected);
  });

  it('applies to every list it arranges, and remembers every key it met', () => {
    const arranger = new Arranger({ exclude: ['m'], order: [] });
    expect(keysOf(arranger.arrange(items('m', 'n')))).toEqual(['n']);
    expect(keysOf(arranger.arrange(items('o', 'm')))).toEqual(['o']);
    expect([...arranger.seen].sort()).toEqual(['m', 'n', 'o']);
  });
});

describe('unmatchedKeys', () => {
  it('lists the keys that met no item, with their field and position', () => {
    expect(unmatchedKeys({ exclude: ['a', 'zz'], order: ['b', 'yy'] }, new Set(['a', 'b']))).toEqual([
      { field: 'exclude', index: 1, key: 'zz' },
      { field: 'order', index: 1, key: 'yy' },
    ]);
  });
});
