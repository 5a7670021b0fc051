import { describe, expect, it } from 'vitest';
import type { Corpus, Entry } from '../../../src/lib/corpus.ts';
import { assembleIssue } from '../../../src/lib/newsletter/assemble.ts';
import type { InformationBlock, InformationSection } from '../../../src/lib/newsletter/model.ts';
import { BODIES, CONTACT, consultation, corpusOf, meeting, news, nl, partyStats } from '../support/corpus.ts';

type Item = [keyof Corpus, Entry<unknown>];

function information(items: Item[], options: { shortDeadlineDays?: number; calendarDays?: number } = {}) {
  const issue = assembleIssue(corpusOf(...BODIES, nl(), ...items), '2030-03', {
    contact: CONTACT,
    ...options,
  });
  return issue.sections.find((s): s is InformationSection => s.id === 'information');
}
const block = <K extends InformationBlock['kind']>(section: InformationSection | undefined, kind: K) =>
  section?.blocks.find((b): b is InformationBlock & { kind: K } => b.kind === kind);
const ids = (b: { items: { id: string }[] } | undefined) => b?.items.map((i) => i.id);

describe('information: the order of its blocks', () => {
  it('reminders, consultations, conclusions, parties, calendar, then other notices', () => {
    const section = information([
      news('2030-03-newsletter', { title: 'Newsletter changes', date: '2030-03-02', category: 'newsletter' }),
      meeting('2030-03-25-tag', { body: 'tag', date: '2030-03-25', number: 5 }),
      partyStats('2030-03'),
      consultation('concluded', { closes: '2030-03-03', conclusion: 'Done.' }),
      consultation('other', { issuer: 'ofgem', closes: '2030-05-01' }),
      consultation('dcc', { issuer: 'dcc', closes: '2030-05-01' }),
      consultation('soon', { closes: '2030-03-24' }),
      news('2030-03-reminder', { title: 'Reminder', date: '2030-03-19', category: 'reminder' }),
    ]);
    expect(section?.blocks.map((b) => b.key)).toEqual([
      'news/2030-03-reminder',
      'short-deadline',
      'dcc-consultations',
      'other-consultations',
      'conclusions',
      'party-stats',
      'calendar',
      'news/2030-03-newsletter',
    ]);
  });
});

describe('information: consultations', () => {
  const cs = [
    consultation('in-7-days', { closes: '2030-03-27' }),
    consultation('in-8-days', { closes: '2030-03-28', issuer: 'dcc', briefing: '2030-03-25' }),
    consultation('today', { closes: '2030-03-20', issuer: 'dcc' }),
    consultation('closed', { closes: '2030-03-19' }),
    consultation('not-open-yet', { opens: '2030-03-21', closes: '2030-03-23' }),
    consultation('mrc', { kind: 'modification-report', closes: '2030-03-22' }),
  ];
  it.each<[string, number | undefined, Record<string, string[] | undefined>]>([
    [
      'a short deadline is within 7 days of the issue date; the DCC’s others follow',
      undefined,
      {
        'short-deadline': ['today', 'in-7-days'],
        'dcc-consultations': ['in-8-days'],
        'other-consultations': undefined,
      },
    ],
    [
      'the window is an option',
      10,
      { 'short-deadline': ['today', 'in-7-days', 'in-8-days'], 'dcc-consultations': undefined },
    ],
  ])('%s', (_, days, expected) => {
    const section = information(cs, { shortDeadlineDays: days });
    for (const [kind, list] of Object.entries(expected)) {
      expect(ids(block(section, kind as 'short-deadline')), kind).toEqual(list);
    }
  });

  it('keeps each consultation’s dates and Markdown', () => {
    expect(block(information(cs), 'dcc-consultations')?.items[0]).toMatchObject({
      key: 'consultation/in-8-days',
      issuer: 'dcc',
      closes: '2030-03-28',
      briefing: '2030-03-25',
      summary: { markdown: 'Summary.' },
      path: '/consultations/in-8-days/',
    });
  });

  it.each<[string, Item[], string[] | undefined]>([
    [
      'conclusions of consultations that closed in the month',
      [consultation('c', { closes: '2030-03-03', conclusion: 'Done.' })],
      ['c'],
    ],
    [
      'not of those closed earlier',
      [consultation('c', { closes: '2030-02-20', conclusion: 'Done.' })],
      undefined,
    ],
    ['nor of those without a conclusion', [consultation('c', { closes: '2030-03-03' })], undefined],
  ])('%s', (_, items, expected) => {
    expect(ids(block(information(items), 'conclusions'))).toEqual(expected);
  });
});

describe('information: SEC Parties and accessions', () => {
  it('tabulates the month’s statistics with the total derived, networks first', () => {
    expect(block(information([partyStats('2030-03'), partyStats('2030-02')]), 'party-stats')).toMatchObject({
      month: '2030-03',
      total: 15,
      counts: [
        { category: 'electricity-networks', label: 'Electricity Networks', count: 3 },
        { category: 'gas-networks', label: 'Gas Networks', count: 4 },
        { category: 'large-suppliers', label: 'Large Suppliers', count: 1 },
        { category: 'small-suppliers', label: 'Small Suppliers', count: 2 },
        { category: 'other-sec-parties', label: 'Other SEC Parties', count: 5 },
      ],
      changes: [
        { field: 'accessions', count: 6 },
        { field: 'withdrawals', count: 7 },
        { field: 'expulsions', count: 8 },
        { field: 'panelEmploymentChanges', count: 9 },
      ],
    });
  });

  it('is left out when the month has no statistics', () => {
    expect(block(information([partyStats('2030-02')]), 'party-stats')).toBeUndefined();
  });
});

describe('information: SEC calendar', () => {
  const items = [
    meeting('2030-03-20-tag', { body: 'tag', date: '2030-03-20', number: 1 }),
    meeting('2030-03-21-tag', { body: 'tag', date: '2030-03-21', number: 2 }),
    meeting('2030-03-30-tag', { body: 'tag', date: '2030-03-30', number: 3 }),
    meeting('2030-03-30-sec-panel', { body: 'sec-panel', date: '2030-03-30', number: 60 }),
    meeting('2030-03-30-ssc', { body: 'ssc', date: '2030-03-30T10:00', number: 7 }),
    meeting('2030-04-01-change-board', { body: 'change-board', date: '2030-04-01' }),
    meeting('2030-04-02-tag', { body: 'tag', date: '2030-04-02', number: 4, status: 'cancelled' }),
    meeting('2030-04-17-tag', { body: 'tag', date: '2030-04-17', number: 5 }),
    meeting('2030-04-18-tag', { body: 'tag', date: '2030-04-18', number: 6 }),
  ];
  it.each<[string, number | undefined, string[]]>([
    [
      'standing bodies’ meetings in the 4 weeks after the issue date, by date then the bodies’ order',
      undefined,
      ['TAG meeting 2', 'SEC Panel meeting 60', 'SSC meeting 7', 'TAG meeting 3', 'TAG meeting 5'],
    ],
    [
      'the window is an option',
      10,
      ['TAG meeting 2', 'SEC Panel meeting 60', 'SSC meeting 7', 'TAG meeting 3'],
    ],
  ])('%s', (_, days, expected) => {
    const calendar = block(information(items, { calendarDays: days }), 'calendar');
    expect(calendar?.items.map((m) => m.title)).toEqual(expected);
    expect(calendar?.from).toBe('2030-03-21');
  });
});
