import { describe, expect, it } from 'vitest';
import { compareIds, filterRows, type RegisterRow, sortRows } from '../../src/lib/register.ts';

const row = (id: string, extra: Partial<RegisterRow> = {}): RegisterRow => ({
  id,
  title: `Title of ${id}`,
  stage: undefined,
  path: undefined,
  proposer: undefined,
  raised: undefined,
  nextKeyDate: undefined,
  targetRelease: undefined,
  implementationDate: undefined,
  parties: undefined,
  dccImpact: undefined,
  ...extra,
});

const rows = [
  row('SECMP0049', {
    title: 'Section D Review: Amendments to the Modification Process',
    stage: 'with-authority',
    path: 'authority-determined',
    implementationDate: '2018-11-01',
  }),
  row('SECMP0009', {
    title: 'Centralised Firmware Library',
    stage: 'report-phase',
    nextKeyDate: { date: '2018-09-05', kind: 'consultation-closes' },
  }),
  row('SECMP0029', {
    title: 'Business Continuity and Disaster Recovery Testing Amendments',
    stage: 'approved',
    path: 'self-governance',
    parties: ['large-suppliers', 'dcc'],
    implementationDate: '2018-11-01',
    nextKeyDate: { date: '2018-09-06T17:00', kind: 'referral-period-ends' },
  }),
  row('MP101', { title: 'Café rules', proposer: 'Élan Energy', stage: 'development' }),
  row('SECMP0006', { title: 'Specifying the number of digits for device display' }),
];

describe('compareIds', () => {
  it('orders by number within a family, SECMP before MP before DP', () => {
    expect(['DP001', 'MP101', 'SECMP0049', 'SECMP0009', 'MP099'].sort(compareIds)).toEqual([
      'SECMP0009',
      'SECMP0049',
      'MP099',
      'MP101',
      'DP001',
    ]);
  });
});

describe('filterRows', () => {
  it.each<[string, Parameters<typeof filterRows>[1], string[]]>([
    ['no filter', {}, ['SECMP0049', 'SECMP0009', 'SECMP0029', 'MP101', 'SECMP0006']],
    ['stage', { stage: 'approved' }, ['SECMP0029']],
    ['unknown stage', { stage: 'unknown' }, ['SECMP0006']],
    ['path', { path: 'self-governance' }, ['SECMP0029']],
    ['party', { party: 'dcc' }, ['SECMP0029']],
    ['text in title, any case', { q: 'firmware' }, ['SECMP0009']],
    ['text in id', { q: 'secmp0049' }, ['SECMP0049']],
    ['every word must match', { q: 'section review' }, ['SECMP0049']],
    ['accents folded', { q: 'cafe elan' }, ['MP101']],
    ['combined filters', { stage: 'approved', path: 'authority-determined' }, []],
    ['blank text is no filter', { q: '   ' }, ['SECMP0049', 'SECMP0009', 'SECMP0029', 'MP101', 'SECMP0006']],
  ])('%s', (_name, filter, expected) => {
    expect(filterRows(rows, filter).map((r) => r.id)).toEqual(expected);
  });
});

describe('sortRows', () => {
  it.each<[Parameters<typeof sortRows>[1], 'asc' | 'desc', string[]]>([
    ['id', 'asc', ['SECMP0006', 'SECMP0009', 'SECMP0029', 'SECMP0049', 'MP101']],
    ['id', 'desc', ['MP101', 'SECMP0049', 'SECMP0029', 'SECMP0009', 'SECMP0006']],
    // Stages in process order; rows without a stage last in both directions.
    ['stage', 'asc', ['MP101', 'SECMP0009', 'SECMP0049', 'SECMP0029', 'SECMP0006']],
    ['stage', 'desc', ['SECMP0029', 'SECMP0049', 'SECMP0009', 'MP101', 'SECMP0006']],
    ['nextKeyDate', 'asc', ['SECMP0009', 'SECMP0029', 'SECMP0006', 'SECMP0049', 'MP101']],
    ['implementationDate', 'desc', ['SECMP0029', 'SECMP0049', 'SECMP0006', 'SECMP0009', 'MP101']],
    ['title', 'asc', ['SECMP0029', 'MP101', 'SECMP0009', 'SECMP0049', 'SECMP0006']],
  ])('by %s %s', (key, direction, expected) => {
    expect(sortRows(rows, key, direction).map((r) => r.id)).toEqual(expected);
  });
});
