/** What an editor changes from the newsletter file: notes, exclusions and order, per section. */
import { describe, expect, it } from 'vitest';
import type { Corpus, Entry } from '../../src/lib/corpus.ts';
import { assembleIssueWithReport } from '../../src/lib/newsletter/assemble.ts';
import type {
  ChangeSection,
  ContentsSection,
  EditorialSection,
  GovernanceSection,
  InformationSection,
  Issue,
} from '../../src/lib/newsletter/model.ts';
import {
  BODIES,
  CONTACT,
  consultation,
  corpusOf,
  meeting,
  modification,
  news,
  nl,
} from './support/corpus.ts';

type Item = [keyof Corpus, Entry<unknown>];

const CONTENT: Item[] = [
  meeting('2030-03-05-sec-panel', { body: 'sec-panel', date: '2030-03-05' }),
  meeting('2030-03-06-tag', { body: 'tag', date: '2030-03-06' }),
  meeting('2030-03-07-tag', { body: 'tag', date: '2030-03-07' }),
  news('2030-03-election', { title: 'Election', date: '2030-03-10', category: 'governance' }),
  news('2030-03-seminar', { title: 'Seminar', date: '2030-03-10', category: 'events' }),
  modification('SECMP0201', {
    events: [
      { type: 'decision-deferred', date: '2030-03-05', meeting: '2030-03-05-sec-panel' },
      { type: 'withdrawn', date: '2030-03-08' },
    ],
  }),
  modification('SECMP0202', {
    events: [{ type: 'decision-deferred', date: '2030-03-05', meeting: '2030-03-05-sec-panel' }],
  }),
  modification('SECMP0203', {}, 'Why SECMP0203 matters.'),
  consultation('a-soon', { closes: '2030-03-22' }),
  consultation('b-soon', { closes: '2030-03-25' }),
];

function assemble(sections: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return assembleIssueWithReport(corpusOf(...BODIES, nl({ sections, ...extra }), ...CONTENT), '2030-03', {
    contact: CONTACT,
  });
}
const section = <T>(issue: Issue, id: string) => issue.sections.find((s) => s.id === id) as T | undefined;
const keys = (list: { key: string }[] | undefined) => list?.map((i) => i.key);

describe('notes', () => {
  it.each(['editorial', 'contents', 'governance', 'change', 'information'])(
    'a note on %s is carried as Markdown',
    (id) => {
      const { issue } = assemble({ [id]: { note: `**Note** for ${id}.` } });
      expect(section<{ note?: { markdown: string } }>(issue, id)?.note).toEqual({
        markdown: `**Note** for ${id}.`,
      });
    },
  );

  it('no note, no note field', () => {
    const { issue } = assemble({});
    expect(issue.sections.every((s) => s.note === undefined)).toBe(true);
  });
});

describe('exclude', () => {
  it.each<[string, Record<string, unknown>, (issue: Issue) => unknown, unknown]>([
    [
      'a news block',
      { governance: { exclude: ['news/2030-03-election'] } },
      (i) => keys(section<GovernanceSection>(i, 'governance')?.blocks),
      ['body/sec-panel', 'body/tag'],
    ],
    [
      'a whole body',
      { governance: { exclude: ['body/tag'] } },
      (i) => keys(section<GovernanceSection>(i, 'governance')?.blocks),
      ['news/2030-03-election', 'body/sec-panel'],
    ],
    [
      'one meeting of a body',
      { governance: { exclude: ['meeting/2030-03-06-tag'] } },
      (i) =>
        section<GovernanceSection>(i, 'governance')?.blocks.flatMap((b) =>
          b.kind === 'body' ? keys(b.meetings) : [],
        ),
      ['meeting/2030-03-05-sec-panel', 'meeting/2030-03-07-tag'],
    ],
    [
      'a modification, from every list of the section it is in',
      { change: { exclude: ['modification/SECMP0201'] } },
      (i) => keys(section<ChangeSection>(i, 'change')?.blocks),
      ['reports', 'register'],
    ],
    [
      'a consultation',
      { information: { exclude: ['consultation/a-soon'] } },
      (i) =>
        section<InformationSection>(i, 'information')?.blocks.flatMap((b) =>
          'items' in b ? keys(b.items as { key: string }[]) : [b.key],
        ),
      ['consultation/b-soon', 'news/2030-03-seminar'],
    ],
    [
      'a featured item',
      { editorial: { exclude: ['news/2030-03-seminar'] } },
      (i) => keys(section<EditorialSection>(i, 'editorial')?.featured),
      ['modification/SECMP0203'],
    ],
  ])('%s', (_, sections, pick, expected) => {
    const featured = [{ news: '2030-03-seminar' }, { modification: 'SECMP0203' }];
    const { issue, unmatched } = assemble(sections, 'editorial' in sections ? { featured } : {});
    expect(pick(issue)).toEqual(expected);
    expect(unmatched).toEqual([]);
  });

  it('a section whose every item is excluded is left out, and so is its entry in the contents', () => {
    const { issue } = assemble({
      information: { exclude: ['consultation/a-soon', 'consultation/b-soon', 'news/2030-03-seminar'] },
    });
    expect(issue.sections.map((s) => s.id)).toEqual(['editorial', 'contents', 'governance', 'change']);
    expect(section<ContentsSection>(issue, 'contents')?.entries.map((e) => e.section)).toEqual([
      'governance',
      'change',
    ]);
  });
});

describe('order', () => {
  it.each<[string, Record<string, unknown>, (issue: Issue) => unknown, unknown]>([
    [
      'an item moves to the front of its list',
      { information: { order: ['consultation/b-soon'] } },
      (i) =>
        section<InformationSection>(i, 'information')?.blocks.flatMap((b) =>
          b.kind === 'short-deadline' ? keys(b.items) : [],
        ),
      ['consultation/b-soon', 'consultation/a-soon'],
    ],
    [
      'blocks move within their section',
      { governance: { order: ['body/tag', 'body/sec-panel'] } },
      (i) => keys(section<GovernanceSection>(i, 'governance')?.blocks),
      ['body/tag', 'body/sec-panel', 'news/2030-03-election'],
    ],
    [
      'sections in the contents follow the issue’s order unless told otherwise',
      { contents: { order: ['change'] } },
      (i) => section<ContentsSection>(i, 'contents')?.entries.map((e) => e.section),
      ['change', 'governance', 'information'],
    ],
  ])('%s', (_, sections, pick, expected) => {
    const { issue, unmatched } = assemble(sections);
    expect(pick(issue)).toEqual(expected);
    expect(unmatched).toEqual([]);
  });
});

describe('keys that match nothing are reported, not ignored', () => {
  it('with the section, field, position and the keys the section has', () => {
    const { unmatched } = assemble({
      governance: { exclude: ['news/2030-03-elektion'] },
      change: { order: ['modification/SECMP0201', 'modification/SECMP9999'] },
    });
    expect(unmatched.map(({ known: _known, ...u }) => u)).toEqual([
      { section: 'governance', field: 'exclude', index: 0, key: 'news/2030-03-elektion' },
      { section: 'change', field: 'order', index: 1, key: 'modification/SECMP9999' },
    ]);
    expect(unmatched[0]!.known).toContain('news/2030-03-election');
  });
});

describe('featured items', () => {
  it('come in the editor’s order, news in full and modifications with their page', () => {
    const { issue } = assemble(
      {},
      { featured: [{ modification: 'SECMP0203' }, { news: '2030-03-seminar' }] },
    );
    const editorial = section<EditorialSection>(issue, 'editorial');
    expect(editorial?.featured).toMatchObject([
      {
        kind: 'modification',
        key: 'modification/SECMP0203',
        title: 'SECMP0203 ‘Title of SECMP0203’',
        body: { markdown: 'Why SECMP0203 matters.' },
        path: '/modifications/secmp0203/',
      },
      { kind: 'news', key: 'news/2030-03-seminar', title: 'Seminar', path: '/news/2030-03-seminar/' },
    ]);
    // A featured item is not repeated further down.
    expect(keys(section<InformationSection>(issue, 'information')?.blocks)).not.toContain(
      'news/2030-03-seminar',
    );
  });
});
