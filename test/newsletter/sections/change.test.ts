import { describe, expect, it } from 'vitest';
import type { Corpus, Entry } from '../../../src/lib/corpus.ts';
import { assembleIssue } from '../../../src/lib/newsletter/assemble.ts';
import type {
  ChangeBlock,
  ChangeSection,
  ReportsBlock,
  VotesBlock,
} from '../../../src/lib/newsletter/model.ts';
import {
  BODIES,
  CONTACT,
  consultation,
  corpusOf,
  designation,
  meeting,
  modification,
  nl,
} from '../support/corpus.ts';

type Item = [keyof Corpus, Entry<unknown>];

const panel = meeting('2030-03-05-sec-panel', { body: 'sec-panel', date: '2030-03-05' });
const board = meeting('2030-03-12-change-board', { body: 'change-board', date: '2030-03-12' });

function change(...items: Item[]): ChangeSection | undefined {
  const issue = assembleIssue(corpusOf(...BODIES, nl(), panel, board, ...items), '2030-03', {
    contact: CONTACT,
  });
  return issue.sections.find((s): s is ChangeSection => s.id === 'change');
}
const block = <K extends ChangeBlock['kind']>(section: ChangeSection | undefined, kind: K) =>
  section?.blocks.find((b): b is ChangeBlock & { kind: K } => b.kind === kind);

const imr = (id: string, extra: Record<string, unknown> = {}) =>
  modification(id, {
    events: [
      {
        type: 'imr-presented',
        date: '2030-03-05',
        meeting: '2030-03-05-sec-panel',
        outcome: 'refinement',
        ...extra,
      },
    ],
  });

describe('change: what the events of the month add up to', () => {
  it.each<[string, Item[], string[]]>([
    ['nothing happened: no section, not even the register', [], []],
    ['an IMR presented: reports, then the register', [imr('SECMP0101')], ['reports', 'register']],
    [
      'events after the issue date wait for the next issue',
      [modification('SECMP0102', { events: [{ type: 'withdrawn', date: '2030-03-25' }] })],
      [],
    ],
    [
      'a withdrawal known only by its month counts in that month',
      [modification('SECMP0103', { events: [{ type: 'withdrawn', date: '2030-03' }] })],
      ['withdrawn', 'register'],
    ],
    [
      'the blocks come in the order of the Change update',
      [
        designation('9.1', { date: '2030-03-14', modifications: ['SECMP0104'] }),
        modification('SECMP0104', {
          events: [{ type: 'change-board-vote', date: '2030-03-12', outcome: 'approved' }],
        }),
        modification('SECMP0105', { events: [{ type: 'withdrawn', date: '2030-03-02' }] }),
        consultation('mrc-105', {
          kind: 'modification-report',
          closes: '2030-03-28',
          modifications: ['SECMP0105'],
        }),
        imr('SECMP0106'),
        meeting('2030-04-02-qh', {
          body: 'secas',
          title: 'Modifications Question Hour',
          date: '2030-04-02T11:00',
        }),
      ],
      [
        'reports',
        'modification-report-consultations',
        'withdrawn',
        'votes',
        'designations',
        'register',
        'question-hour',
      ],
    ],
  ])('%s', (_, items, expected) => {
    expect(change(...items)?.blocks.map((b) => b.key) ?? []).toEqual(expected);
  });
});

describe('change: reports presented to the Panel', () => {
  it('groups IMRs by meeting and the Panel’s decision, modifications in id order', () => {
    const reports = block(
      change(
        imr('SECMP0110'),
        imr('SECMP0109'),
        modification('SECMP0111', {
          events: [
            {
              type: 'imr-presented',
              date: '2030-03-05',
              meeting: '2030-03-05-sec-panel',
              outcome: 'report-phase',
            },
          ],
        }),
      ),
      'reports',
    ) as ReportsBlock;
    expect(reports.groups.map((g) => [g.key, g.items.map((i) => i.modification.id)])).toEqual([
      ['imrs/2030-03-05-sec-panel/refinement', ['SECMP0109', 'SECMP0110']],
      ['imrs/2030-03-05-sec-panel/report-phase', ['SECMP0111']],
    ]);
    expect(reports.groups[0]).toMatchObject({
      kind: 'imrs',
      outcome: 'refinement',
      meeting: { id: '2030-03-05-sec-panel' },
    });
  });

  it.each<[string, (string | undefined)[], string | undefined, (string | undefined)[]]>([
    [
      'a summary every event shares is said once, for the group',
      ['Same.', 'Same.'],
      'Same.',
      [undefined, undefined],
    ],
    ['different summaries stay with their modifications', ['One.', 'Two.'], undefined, ['One.', 'Two.']],
    ['a summary only some have stays with them', ['One.', undefined], undefined, ['One.', undefined]],
  ])('%s', (_, summaries, groupSummary, itemSummaries) => {
    const mods = summaries.map((s, i) =>
      modification(`SECMP012${i}`, {
        events: [
          {
            type: 'decision-deferred',
            date: '2030-03-05',
            meeting: '2030-03-05-sec-panel',
            ...(s ? { summary: s } : {}),
          },
        ],
      }),
    );
    const group = (block(change(...mods), 'reports') as ReportsBlock).groups[0]!;
    expect(group.kind).toBe('deferred');
    expect(group.summary?.markdown).toBe(groupSummary);
    expect(group.items.map((i) => i.summary?.markdown)).toEqual(itemSummaries);
  });

  it('orders IMRs, then DMRs with the Modification Report Consultation each went to, then decisions deferred', () => {
    const reports = block(
      change(
        modification('SECMP0131', {
          events: [{ type: 'decision-deferred', date: '2030-03-05', meeting: '2030-03-05-sec-panel' }],
        }),
        modification('SECMP0132', {
          events: [{ type: 'dmr-presented', date: '2030-03-05', meeting: '2030-03-05-sec-panel' }],
        }),
        consultation('mrc-132', {
          kind: 'modification-report',
          closes: '2030-03-28',
          modifications: ['SECMP0132'],
        }),
        imr('SECMP0133'),
      ),
      'reports',
    ) as ReportsBlock;
    expect(reports.groups.map((g) => g.kind)).toEqual(['imrs', 'dmrs', 'deferred']);
    expect(reports.groups[1]!.items[0]).toMatchObject({
      consultation: { key: 'consultation/mrc-132', closes: '2030-03-28', path: '/consultations/mrc-132/' },
    });
  });
});

describe('change: consultations, withdrawals, votes, designations', () => {
  it('lists Modification Report Consultations open on the issue date, soonest first', () => {
    const section = change(
      imr('SECMP0140'),
      consultation('mrc-late', { kind: 'modification-report', closes: '2030-04-02' }),
      consultation('mrc-soon', { kind: 'modification-report', closes: '2030-03-27' }),
      consultation('mrc-closed', { kind: 'modification-report', closes: '2030-03-19' }),
      consultation('industry', { closes: '2030-03-27' }),
    );
    expect(block(section, 'modification-report-consultations')?.items.map((c) => c.id)).toEqual([
      'mrc-soon',
      'mrc-late',
    ]);
  });

  it('gives a withdrawn modification the adoption window that follows, and SECAS’s contact', () => {
    const withdrawn = block(
      change(
        modification('SECMP0150', {
          events: [
            { type: 'adoption-window-closes', date: '2029-01-10T17:00' },
            { type: 'withdrawn', date: '2030-03' },
            { type: 'adoption-window-closes', date: '2030-04-06T17:00' },
          ],
        }),
      ),
      'withdrawn',
    );
    expect(withdrawn).toMatchObject({
      items: [
        { modification: { id: 'SECMP0150' }, withdrawn: '2030-03', adoptionWindowCloses: '2030-04-06T17:00' },
      ],
      contact: CONTACT,
    });
  });

  it('groups Change Board votes by outcome and path, with what the modifications share said once', () => {
    const voted = (
      id: string,
      outcome: string,
      path: string | undefined,
      extra: Record<string, unknown>[] = [],
      fields: Record<string, unknown> = {},
    ) =>
      modification(id, {
        ...(path ? { path } : {}),
        ...fields,
        events: [
          {
            type: 'change-board-vote',
            date: '2030-03-12',
            meeting: '2030-03-12-change-board',
            outcome,
            ...(outcome === 'recommended-approval' ? { solution: 'alternative' } : {}),
          },
          ...extra,
        ],
      });
    const referral = { type: 'referral-period-ends', date: '2030-03-26T17:00' };
    const votes = block(
      change(
        voted('SECMP0163', 'returned-to-panel', undefined),
        voted(
          'SECMP0162',
          'recommended-approval',
          'authority-determined',
          [{ type: 'sent-to-authority', date: '2030-03', summary: 'Sent.' }],
          { implementationDate: '2030-11-01' },
        ),
        voted('SECMP0161', 'approved', 'self-governance', [referral], { implementationDate: '2030-06-01' }),
        voted('SECMP0160', 'approved', 'self-governance', [referral], { implementationDate: '2030-06-01' }),
        voted('SECMP0164', 'approved', 'fast-track', []),
      ),
      'votes',
    ) as VotesBlock;
    expect(votes.groups.map((g) => [g.key, g.items.map((i) => i.modification.id)])).toEqual([
      ['votes/2030-03-12-change-board/approved/self-governance', ['SECMP0160', 'SECMP0161']],
      ['votes/2030-03-12-change-board/approved/fast-track', ['SECMP0164']],
      ['votes/2030-03-12-change-board/recommended-approval/authority-determined', ['SECMP0162']],
      ['votes/2030-03-12-change-board/returned-to-panel', ['SECMP0163']],
    ]);
    expect(votes.groups[0]).toMatchObject({
      outcome: 'approved',
      path: 'self-governance',
      referralPeriodEnds: '2030-03-26T17:00',
      implementationDate: '2030-06-01',
      items: [{ referralPeriodEnds: undefined, implementationDate: undefined }, {}],
    });
    expect(votes.groups[2]!.items[0]).toMatchObject({
      solution: 'alternative',
      sentToAuthority: { date: '2030-03', summary: { markdown: 'Sent.' } },
    });
  });

  it('lists the designations of the month with the modifications they deliver', () => {
    const designations = block(
      change(
        designation('9.1', { date: '2030-03-14', modifications: ['SECMP0170'] }),
        designation('9.0', { date: '2030-02-14' }),
        modification('SECMP0170', {}),
      ),
      'designations',
    );
    expect(designations?.items).toEqual([
      {
        key: 'designation/9.1',
        version: '9.1',
        date: '2030-03-14',
        modifications: [{ id: 'SECMP0170', title: 'Title of SECMP0170', path: '/modifications/secmp0170/' }],
        path: '/designations/#sec-9-1',
      },
    ]);
  });
});

describe('change: register and Modifications Question Hour', () => {
  it('links the register downloads', () => {
    expect(block(change(imr('SECMP0180')), 'register')).toMatchObject({
      page: '/modifications/',
      xlsx: '/modifications/register.xlsx',
      csv: '/modifications/register.csv',
    });
  });

  it.each<[string, Item[], string | undefined]>([
    [
      'the first Question Hour after the issue date',
      [
        meeting('2030-03-01-qh', {
          body: 'secas',
          title: 'Modifications Question Hour',
          date: '2030-03-01T11:00',
        }),
        meeting('2030-04-09-qh', {
          body: 'secas',
          title: 'Modifications Question Hour',
          date: '2030-04-09T11:00',
        }),
        meeting('2030-04-02-qh', {
          body: 'secas',
          title: 'Modifications Question Hour',
          date: '2030-04-02T11:00',
        }),
      ],
      '2030-04-02-qh',
    ],
    [
      'not another SECAS session',
      [
        meeting('2030-04-02-seminar', {
          body: 'secas',
          title: 'Introduction to the SEC seminar',
          date: '2030-04-02',
        }),
      ],
      undefined,
    ],
    [
      'not a cancelled one',
      [
        meeting('2030-04-02-qh', {
          body: 'secas',
          title: 'Modifications Question Hour',
          date: '2030-04-02T11:00',
          status: 'cancelled',
        }),
      ],
      undefined,
    ],
  ])('%s', (_, items, expected) => {
    expect(block(change(imr('SECMP0190'), ...items), 'question-hour')?.meeting.id).toBe(expected);
  });
});
