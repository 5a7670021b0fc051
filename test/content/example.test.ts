/**
 * The example content is the real SEC newsletter of August 2018: every modification is at
 * the stage that newsletter reports, as of the day it was sent.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import type { Corpus } from '../../src/lib/corpus.ts';
import { registerRows, type RegisterRow } from '../../src/lib/register.ts';
import { PROJECT_ROOT } from '../../src/cli/run.ts';

const ISSUE_DATE = '2018-08-31';
let corpus: Corpus;
let rows: Map<string, RegisterRow>;

beforeAll(async () => {
  const loaded = await loadContent(PROJECT_ROOT);
  expect(loaded.problems).toEqual([]);
  corpus = loaded.corpus;
  rows = new Map(registerRows(corpus.modifications, corpus, ISSUE_DATE).map((r) => [r.id, r]));
});

describe('derived stage of each modification in the seed newsletter', () => {
  it.each([
    // IMRs at the August Panel: both to the Refinement Process.
    ['SECMP0057', 'refinement'],
    ['SECMP0058', 'refinement'],
    // DMRs at the August Panel: both to Modification Report Consultation.
    ['SECMP0009', 'report-phase'],
    ['SECMP0041', 'report-phase'],
    // Held back until the full DCC costs are known; two returned by the Change Board.
    ['SECMP0015', 'report-phase'],
    ['SECMP0018', 'report-phase'],
    ['SECMP0025', 'report-phase'],
    // Withdrawn by its Proposer, in its adoption window.
    ['SECMP0005', 'withdrawn'],
    // Approved by the Change Board under Self-Governance on 22nd August.
    ['SECMP0029', 'approved'],
    ['SECMP0050', 'approved'],
    ['SECMP0051', 'approved'],
    // Recommended for approval; FMR sent to BEIS for Authority Determination.
    ['SECMP0049', 'with-authority'],
    // Delivered by SEC version 5.21 on 22nd August.
    ['SECMP0044', 'implemented'],
    // The newsletter mentions these without saying where they are.
    ['SECMP0006', undefined],
    ['SECMP0034', undefined],
    ['SECMP0048', undefined],
  ])('%s is %s', (id, stage) => {
    expect(rows.get(id)?.stage).toBe(stage);
  });

  it('covers every modification the seed names, and no other', () => {
    expect([...rows.keys()]).toEqual([
      'SECMP0005',
      'SECMP0006',
      'SECMP0009',
      'SECMP0015',
      'SECMP0018',
      'SECMP0025',
      'SECMP0029',
      'SECMP0034',
      'SECMP0041',
      'SECMP0044',
      'SECMP0048',
      'SECMP0049',
      'SECMP0050',
      'SECMP0051',
      'SECMP0057',
      'SECMP0058',
    ]);
  });
});

describe('next key dates as of the issue date', () => {
  it.each([
    ['SECMP0009', '2018-09-05'], // Modification Report Consultation closes
    ['SECMP0041', '2018-09-05'],
    ['SECMP0005', '2018-09-06T17:00'], // adoption window
    ['SECMP0029', '2018-09-06T17:00'], // referral period
    ['SECMP0050', '2018-09-06T17:00'],
    ['SECMP0051', '2018-09-06T17:00'],
    ['SECMP0049', '2018-11-01'], // implementation, subject to Authority approval
    ['SECMP0034', '2018-11-01'],
    ['SECMP0044', undefined],
  ])('%s: %s', (id, date) => {
    expect(rows.get(id)?.nextKeyDate?.date).toBe(date);
  });
});

describe('facts the content carries', () => {
  it('has the party statistics of August 2018, totalling 308', () => {
    const stats = corpus['party-stats'].find((s) => s.id === '2018-08')!.data;
    expect(stats.counts).toEqual({
      'electricity-networks': 26,
      'gas-networks': 20,
      'large-suppliers': 24,
      'small-suppliers': 146,
      'other-sec-parties': 92,
    });
    expect(Object.values(stats.counts).reduce((a, b) => a + b, 0)).toBe(308);
    expect([stats.accessions, stats.withdrawals, stats.expulsions, stats.panelEmploymentChanges]).toEqual([
      0, 1, 1, 0,
    ]);
  });

  it('has designation 5.21 delivering SECMP0044 on 22nd August 2018', () => {
    const d = corpus.designations.find((x) => x.id === '5.21')!.data;
    expect(d.date).toBe('2018-08-22');
    expect(d.modifications.map((r) => r.id)).toEqual(['SECMP0044']);
  });

  it('has every meeting of the calendar and every next meeting named', () => {
    const numbered = corpus.meetings
      .filter((m) => m.data.number !== undefined)
      .map((m) => `${m.data.date} ${m.data.body.id} ${m.data.number}`)
      .sort();
    expect(numbered).toEqual([
      '2018-09-06 tag 46',
      '2018-09-12 ssc 62',
      '2018-09-14 sec-panel 60',
      '2018-09-18 smki-pma 50',
      '2018-09-20 tabasc 34',
      '2018-09-25 ops-group 12',
      '2018-09-26 ssc 63',
      '2018-09-26 tag 47',
    ]);
  });
});
