import { describe, expect, it } from 'vitest';
import {
  closedConsultations,
  closingWithin,
  consultationsOn,
  isOpen,
  openConsultations,
} from '../../src/lib/consultations.ts';
import type { Entry } from '../../src/lib/corpus.ts';
import type { Consultation } from '../../src/schemas/index.ts';

const c = (id: string, closes: string, opens?: string, mods: string[] = []): Entry<Consultation> => ({
  id,
  data: {
    title: id,
    kind: 'industry',
    closes,
    summary: 's',
    modifications: mods.map((m) => ({ collection: 'modifications', id: m })),
    ...(opens ? { opens } : {}),
  },
});

// The consultations of the August 2018 newsletter.
const all = [
  c('bcdr', '2018-09-02'),
  c('hhs', '2018-09-03'),
  c('mrc9', '2018-09-05', undefined, ['SECMP0009']),
  c('utsad', '2018-09-21', '2018-08-24'),
  c('smets1-dates', '2018-08-15', '2018-07-31'),
  c('future', '2018-10-30', '2018-09-10'),
];

describe('isOpen', () => {
  it.each<[string, string | undefined, string, boolean]>([
    ['2018-09-05', undefined, '2018-09-05', true], // open through its closing day
    ['2018-09-05', undefined, '2018-09-06', false],
    ['2018-09-05T12:00', undefined, '2018-09-05', true],
    ['2018-09-21', '2018-08-24', '2018-08-23', false], // not yet open
    ['2018-09-21', '2018-08-24', '2018-08-24', true],
  ])('closes %s, opens %s, on %s: %s', (closes, opens, asOf, expected) => {
    expect(isOpen({ closes, ...(opens ? { opens } : {}) }, asOf)).toBe(expected);
  });
});

describe('lists as of the issue date, 31st August 2018', () => {
  it('open consultations, closing soonest first', () => {
    expect(openConsultations(all, '2018-08-31').map((x) => x.id)).toEqual(['bcdr', 'hhs', 'mrc9', 'utsad']);
  });
  it('closing within a week: the short-deadline ones', () => {
    expect(closingWithin(all, '2018-08-31', 3).map((x) => x.id)).toEqual(['bcdr', 'hhs']);
    expect(closingWithin(all, '2018-08-31', 7).map((x) => x.id)).toEqual(['bcdr', 'hhs', 'mrc9']);
  });
  it('closed, most recent first', () => {
    expect(closedConsultations(all, '2018-09-04').map((x) => x.id)).toEqual(['hhs', 'bcdr', 'smets1-dates']);
  });
  it('consultations on a modification', () => {
    expect(consultationsOn(all, 'SECMP0009').map((x) => x.id)).toEqual(['mrc9']);
    expect(consultationsOn(all, 'SECMP0041')).toEqual([]);
  });
});
