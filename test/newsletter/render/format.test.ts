import { describe, expect, it } from 'vitest';
import {
  formatSpan,
  formatWhen,
  label,
  numberWord,
  plural,
} from '../../../src/lib/newsletter/render/format.ts';

describe('formatWhen', () => {
  it.each<[string, Parameters<typeof formatWhen>[1], string]>([
    ['2018-08-10', {}, '10th August 2018'],
    ['2018-09-05', { weekday: true }, 'Wednesday 5th September 2018'],
    ['2018-09-06T17:00', {}, '17:00 on 6th September 2018'],
    ['2018-09-06T17:00', { clock: true, weekday: true }, '5pm on Thursday 6th September 2018'],
    ['2018-09-10T11:00', { clock: true, weekday: true }, '11am on Monday 10th September 2018'],
    ['2018-08', { weekday: true }, 'August 2018'],
  ])('%s %o → %s', (when, options, expected) => {
    expect(formatWhen(when, options)).toBe(expected);
  });
});

describe('formatSpan', () => {
  it.each<[string, string | undefined, string]>([
    ['2018-09-19T10:00', '2018-09-19T14:00', '10am to 2pm on Wednesday 19th September 2018'],
    ['2018-09-19T10:00', undefined, '10am on Wednesday 19th September 2018'],
    ['2018-09-19', undefined, 'Wednesday 19th September 2018'],
    ['2018-09-19T10:00', '2018-09-20T14:00', '10am on Wednesday 19th September 2018'],
  ])('%s to %s → %s', (start, end, expected) => {
    expect(formatSpan(start, end)).toBe(expected);
  });
});

describe('words', () => {
  it.each<[number, string]>([
    [1, 'one'],
    [2, 'two'],
    [4, 'four'],
    [10, 'ten'],
    [11, '11'],
  ])('%i → %s', (n, expected) => expect(numberWord(n)).toBe(expected));

  it('plural and labels', () => {
    expect([plural(1, 'it', 'them'), plural(2, 'it', 'them'), plural(0, 'it', 'them')]).toEqual([
      'it',
      'them',
      'them',
    ]);
    expect(label('path', 'self-governance')).toBe('Self-Governance');
    expect(label('issuer', 'dcc')).toBe('DCC');
    expect(label('outcome', undefined)).toBe('');
  });
});
