/** The site's pure functions: what each page shows, decided outside the templates. */
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/corpus.ts';
import { consultationGroups, daysLeft } from '../../src/lib/site/consultations.ts';
import { cspHeader, cspMeta, headersFile } from '../../src/lib/site/csp.ts';
import { designationsByDate, designationsOf } from '../../src/lib/site/designations.ts';
import { consultationFeedItems, newsFeedItems, pubDate } from '../../src/lib/site/feeds.ts';
import { latestNews, latestNewsletter, recentStageChanges } from '../../src/lib/site/home.ts';
import { meetingsByBody } from '../../src/lib/site/meetings.ts';
import { consultationsOn } from '../../src/lib/consultations.ts';
import { eventsOf, nextKeyDate } from '../../src/lib/stage.ts';
import {
  contextOf,
  eventLabel,
  keyDateLabel,
  newslettersMentioning,
  relatedModifications,
  stageText,
  timelineItems,
} from '../../src/lib/site/modification.ts';
import { navState, NAVIGATION } from '../../src/lib/site/navigation.ts';
import { pagePath } from '../../src/lib/site/pages.ts';
import { niceStep, partyChart, totalParties } from '../../src/lib/site/parties.ts';
import {
  DEFAULT_VIEW,
  isFiltered,
  parseRegisterQuery,
  registerQuery,
} from '../../src/lib/site/register-query.ts';
import { absoluteUrl, designationUrl, meetingUrl, modificationUrl } from '../../src/lib/site/urls.ts';
import {
  IMPACTED_PARTIES,
  MODIFICATION_PATHS,
  schemas,
  type Body,
  type Consultation,
  type Designation,
  type Meeting,
  type Modification,
  type News,
  type Newsletter,
  type PartyStats,
} from '../../src/schemas/index.ts';

const mod = (id: string, extra: Record<string, unknown> = {}): Entry<Modification> => ({
  id,
  data: schemas.modifications.parse({ id, title: `Title of ${id}`, ...extra }),
});
const meeting = (
  id: string,
  body: string,
  date: string,
  extra: Record<string, unknown> = {},
): Entry<Meeting> => ({
  id,
  data: schemas.meetings.parse({ body, date, ...extra }),
});
const body = (id: string, order: number): Entry<Body> => ({
  id,
  data: schemas.bodies.parse({
    name: `${id} name`,
    shortName: id.toUpperCase(),
    description: 'Does things.',
    order,
  }),
});
const consultation = (id: string, extra: Record<string, unknown>): Entry<Consultation> => ({
  id,
  data: schemas.consultations.parse({ title: id, summary: 'About it.', ...extra }),
});
const news = (id: string, date: string, extra: Record<string, unknown> = {}): Entry<News> => ({
  id,
  data: schemas.news.parse({ title: id, date, category: 'change', ...extra }),
});
const newsletter = (
  id: string,
  issueDate: string,
  extra: Record<string, unknown> = {},
  body = '',
): Entry<Newsletter> => ({
  id,
  body,
  data: schemas.newsletters.parse({
    title: `SEC Newsletter ${id}`,
    issueDate,
    preheader: 'This month.',
    signedBy: { name: 'A Person', role: 'Role' },
    ...extra,
  }),
});
const designation = (version: string, date: string, modifications: string[]): Entry<Designation> => ({
  id: version,
  data: schemas.designations.parse({ version, date, modifications }),
});
const NO_CTX = { designations: [] as Entry<Designation>[], consultations: [] as Entry<Consultation>[] };

describe('urls', () => {
  it.each([
    [modificationUrl('SECMP0049'), '/modifications/secmp0049/'],
    [meetingUrl('2018-08-10-sec-panel'), '/meetings/2018-08-10-sec-panel/'],
    [designationUrl('5.21'), '/designations/#sec-5-21'],
    [absoluteUrl('https://sec.example/', '/rss.xml'), 'https://sec.example/rss.xml'],
    [absoluteUrl('https://sec.example/base', '/rss.xml'), 'https://sec.example/base/rss.xml'],
  ])('%s is %s', (actual, expected) => expect(actual).toBe(expected));

  it.each([
    ['content/pages/about.mdx', '/about/'],
    ['content/pages/modifications/process.mdx', '/modifications/process/'],
    ['/abs/content/pages/guides/index.mdx', '/guides/'],
  ])('page %s is served at %s', (file, path) => expect(pagePath(file)).toBe(path));
});

describe('navigation', () => {
  const item = (href: string) => NAVIGATION.find((n) => n.href === href)!;
  it.each([
    ['/modifications/', '/modifications/', 'current'],
    ['/modifications/', '/modifications/secmp0049/', 'active'],
    ['/meetings/', '/governance/sec-panel/', 'active'],
    ['/about/', '/parties/', 'active'],
    ['/news/', '/modifications/', undefined],
  ] as const)('%s on %s is %s', (href, path, state) => expect(navState(item(href), path)).toBe(state));
});

describe('content security policy', () => {
  it('allows only our own origin, no inline code, and Pagefind’s WebAssembly', () => {
    expect(cspMeta).toContain("default-src 'self'");
    expect(cspMeta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(cspMeta).not.toContain('unsafe-inline');
    expect(cspMeta).not.toMatch(/'unsafe-eval'/);
    // frame-ancestors is ignored in a meta tag, so only the header carries it.
    expect(cspMeta).not.toContain('frame-ancestors');
    expect(cspHeader).toBe(`${cspMeta}; frame-ancestors 'none'`);
    expect(headersFile()).toMatch(
      /^\/\*\n {2}Content-Security-Policy: .+\n {2}X-Content-Type-Options: nosniff\n/,
    );
  });
});

describe('home page', () => {
  const items = [
    news('a', '2018-08-01'),
    news('b', '2018-08-31'),
    news('c', '2018-09-02'),
    news('d', '2018-08-31'),
  ];

  it('latest news: published by the as-of day, newest first, same day by id', () => {
    expect(latestNews(items, '2018-08-31').map((n) => n.id)).toEqual(['b', 'd', 'a']);
    expect(latestNews(items, '2018-08-31', 1).map((n) => n.id)).toEqual(['b']);
  });

  it('latest newsletter: the newest sent by the as-of day', () => {
    const issues = [
      newsletter('2018-07', '2018-07-27'),
      newsletter('2018-08', '2018-08-31'),
      newsletter('2018-09', '2018-09-21'),
    ];
    expect(latestNewsletter(issues, '2018-08-31')?.id).toBe('2018-08');
    expect(latestNewsletter(issues, '2018-07-01')).toBeUndefined();
  });

  it('recent stage changes: within the window, most recent first, month-only dates at month end', () => {
    const mods = [
      mod('SECMP0001', { events: [{ type: 'raised', date: '2018-06-01' }] }),
      mod('SECMP0002', { events: [{ type: 'withdrawn', date: '2018-08' }] }),
      mod('SECMP0003', { events: [{ type: 'dmr-presented', date: '2018-08-10' }] }),
      mod('SECMP0004', { events: [{ type: 'fmr-issued', date: '2018-09-05' }] }),
    ];
    expect(recentStageChanges(mods, NO_CTX, '2018-08-31').map((c) => [c.id, c.stage])).toEqual([
      ['SECMP0002', 'withdrawn'],
      ['SECMP0003', 'report-phase'],
    ]);
    // Implementation recorded by a designation counts as a change of stage.
    const ctx = { designations: [designation('5.21', '2018-08-22', ['SECMP0001'])] };
    expect(recentStageChanges(mods, ctx, '2018-08-31')[1]).toMatchObject({
      id: 'SECMP0001',
      stage: 'implemented',
    });
  });
});

describe('modification page', () => {
  it('related: named either way, in id order, never itself', () => {
    const all = [
      mod('SECMP0049', { related: ['SECMP0051', 'SECMP0049'] }),
      mod('SECMP0050', { related: ['SECMP0049'] }),
      mod('SECMP0051'),
      mod('SECMP0034'),
    ];
    expect(relatedModifications(all[0]!.data, all).map((m) => m.id)).toEqual(['SECMP0050', 'SECMP0051']);
    expect(relatedModifications(all[3]!.data, all)).toEqual([]);
  });

  it('related: a modification named by several, and a related id with no page', () => {
    const all = [
      mod('SECMP0060', { related: ['SECMP0061', 'SECMP0099'] }),
      mod('SECMP0061'),
      mod('MP062', { related: ['SECMP0061', 'SECMP0061'] }),
      mod('SECMP0009', { related: ['SECMP0061'] }),
    ];
    expect(relatedModifications(all[1]!.data, all).map((m) => m.id)).toEqual([
      'SECMP0009',
      'SECMP0060',
      'MP062',
    ]);
    expect(relatedModifications(all[0]!.data, all).map((m) => m.id)).toEqual(['SECMP0061']);
    // Asked about a list it has not seen: that list's answers.
    expect(relatedModifications(all[1]!.data, all.slice(0, 2)).map((m) => m.id)).toEqual(['SECMP0060']);
  });

  it('contextOf: the designations and consultations of one modification, in order, the same answers', () => {
    const ctx = {
      designations: [
        designation('5.2', '2019-02-01', ['SECMP0007', 'SECMP0008']),
        designation('5.1', '2019-01-01', ['SECMP0007']),
        designation('5.3', '2019-03-01', ['SECMP0008']),
      ],
      consultations: [
        consultation('late', { closes: '2018-09-28', modifications: ['SECMP0007'] }),
        consultation('other', { closes: '2018-09-10', modifications: ['SECMP0008'] }),
        consultation('soon', { closes: '2018-09-07', modifications: ['SECMP0007', 'SECMP0007'] }),
      ],
    };
    const own = contextOf('SECMP0007', ctx);
    expect(own.designations.map((d) => d.id)).toEqual(['5.2', '5.1']);
    expect(own.consultations.map((c) => c.id)).toEqual(['late', 'soon']);
    expect(contextOf('SECMP0099', ctx)).toEqual({ designations: [], consultations: [] });
    for (const id of ['SECMP0007', 'SECMP0008', 'SECMP0099']) {
      const m = mod(id, { events: [{ type: 'raised', date: '2018-07-01' }] }).data;
      const narrow = contextOf(id, ctx);
      expect(eventsOf(m, narrow)).toEqual(eventsOf(m, ctx));
      expect(nextKeyDate(m, '2018-08-31', narrow.consultations)).toEqual(
        nextKeyDate(m, '2018-08-31', ctx.consultations),
      );
      expect(consultationsOn(narrow.consultations, id)).toEqual(consultationsOn(ctx.consultations, id));
      expect(designationsOf(narrow.designations, id)).toEqual(designationsOf(ctx.designations, id));
    }
    expect(nextKeyDate(mod('SECMP0007').data, '2018-08-31', own.consultations)).toMatchObject({
      consultation: 'soon',
    });
  });

  it.each([
    [{ type: 'raised' }, 'Modification Proposal raised'],
    [
      { type: 'change-board-vote', outcome: 'recommended-approval', solution: 'alternative' },
      'Change Board vote: recommended approval to the Authority (alternative solution)',
    ],
    [
      { type: 'imr-presented', outcome: 'refinement' },
      expect.stringContaining('sent to the Refinement Process'),
    ],
  ] as const)('event %o reads “%s”', (event, label) => expect(eventLabel(event)).toEqual(label));

  it.each([
    ['implementation', 'Implementation'],
    ['consultation-closes', 'Modification Report Consultation closes'],
    ['referral-period-ends', 'Referral period ends'],
  ] as const)('key date %s reads %s', (kind, text) => expect(keyDateLabel({ kind })).toBe(text));

  it('timeline: date order, designations included, deadlines open through their day', () => {
    const m = mod('SECMP0005', {
      events: [
        { type: 'adoption-window-closes', date: '2018-08-31T17:00' },
        { type: 'withdrawn', date: '2018-08' },
        { type: 'decision-deferred', date: '2018-08-10' },
      ],
    });
    const items = timelineItems(
      m.data,
      { designations: [designation('5.30', '2018-11-01', ['SECMP0005'])] },
      '2018-08-31',
    );
    expect(items.map((i) => [i.event.type, i.happened, i.deadline])).toEqual([
      ['decision-deferred', true, false],
      // “August 2018” is known only once August is over: it sorts at the end of the month.
      ['withdrawn', true, false],
      ['adoption-window-closes', false, true],
      ['implemented', false, false],
    ]);
  });

  it('stage text says where a withdrawn modification was', () => {
    const m = mod('SECMP0005', {
      events: [
        { type: 'dmr-presented', date: '2018-07-10' },
        { type: 'withdrawn', date: '2018-08' },
      ],
    });
    expect(stageText(m.data, NO_CTX, '2018-08-31')).toBe('Withdrawn (in the Report Phase)');
    expect(stageText(mod('SECMP0006').data, NO_CTX, '2018-08-31')).toBe('Not recorded');
  });

  it('newsletters mentioning: featured, named, news of the month, events of the month, open consultations', () => {
    const m = mod('SECMP0009', { events: [{ type: 'dmr-presented', date: '2018-08-10' }] }).data;
    const quiet = mod('SECMP0006').data;
    const corpus = {
      newsletters: [
        newsletter('2018-07', '2018-07-27', {}, 'Nothing about it.'),
        newsletter('2018-08', '2018-08-31'),
        newsletter('2018-09', '2018-09-21', {}, 'SECMP0006 is back.'),
        newsletter('2018-10', '2018-10-19', { featured: [{ modification: 'SECMP0009' }] }),
      ],
      news: [news('n', '2018-07-05', { modifications: ['SECMP0006'] })],
      consultations: [
        consultation('mrc', { opens: '2018-09-20', closes: '2018-09-28', modifications: ['SECMP0009'] }),
      ],
    };
    expect(newslettersMentioning(m, corpus).map((n) => n.id)).toEqual(['2018-08', '2018-09', '2018-10']);
    expect(newslettersMentioning(quiet, corpus).map((n) => n.id)).toEqual(['2018-07', '2018-09']);
  });

  it('newsletters mentioning: aliases, whole words only, consultations open on the issue day', () => {
    const m = mod('MP102', { aliases: ['SECMP0102'] }).data;
    const corpus = {
      newsletters: [
        newsletter('2019-05', '2019-05-17'),
        newsletter('2019-01', '2019-01-18', {}, 'SECMP01020, XSECMP0102 and MP102A are others.'),
        newsletter('2019-02', '2019-02-15'),
        newsletter('2019-03', '2019-03-15'),
        newsletter('2019-04', '2019-04-12'),
      ],
      news: [
        news('feb', '2019-02-04', {}),
        news('may', '2019-05-02', { modifications: ['SECMP0102'] }),
        news('june', '2019-06-03', { modifications: ['MP102'] }),
      ].map((n) => (n.id === 'feb' ? { ...n, body: 'The report (SECMP0102) is out.' } : n)),
      consultations: [
        // Open through the afternoon of the issue day.
        consultation('march', { opens: '2019-03-01', closes: '2019-03-15T17:00', modifications: ['MP102'] }),
        // Opens the day after the issue.
        consultation('april', { opens: '2019-04-13', closes: '2019-04-30', modifications: ['MP102'] }),
        // Closed the day before the issue.
        consultation('early', { closes: '2019-01-17', modifications: ['SECMP0102'] }),
      ],
    };
    expect(newslettersMentioning(m, corpus).map((n) => n.id)).toEqual(['2019-02', '2019-03', '2019-05']);
    expect(newslettersMentioning(mod('MP102A').data, corpus).map((n) => n.id)).toEqual(['2019-01']);
    // Answers are per corpus: another corpus, asked after, is indexed on its own.
    const other = { ...corpus, newsletters: [newsletter('2019-01', '2019-01-18', {}, 'Only MP102.')] };
    expect(newslettersMentioning(m, other).map((n) => n.id)).toEqual(['2019-01']);
    expect(newslettersMentioning(m, corpus).map((n) => n.id)).toEqual(['2019-02', '2019-03', '2019-05']);
  });
});

describe('meetings by body', () => {
  it('groups by body in listing order, upcoming soonest first, past latest first, empty bodies left out', () => {
    const bodies = [body('tag', 3), body('sec-panel', 1), body('ssc', 2)];
    const meetings = [
      meeting('p1', 'sec-panel', '2018-07-13'),
      meeting('p2', 'sec-panel', '2018-08-10'),
      meeting('p3', 'sec-panel', '2018-09-14'),
      meeting('t1', 'tag', '2018-09-26'),
      meeting('t0', 'tag', '2018-09-06'),
    ];
    const groups = meetingsByBody(meetings, bodies, '2018-08-31');
    expect(groups.map((g) => [g.body.id, g.upcoming.map((m) => m.id), g.past.map((m) => m.id)])).toEqual([
      ['sec-panel', ['p3'], ['p2', 'p1']],
      ['tag', ['t0', 't1'], []],
    ]);
  });
});

describe('consultations', () => {
  const cs = [
    consultation('closed', { opens: '2018-07-31', closes: '2018-08-15' }),
    consultation('open-late', { opens: '2018-08-24', closes: '2018-09-21' }),
    consultation('open-soon', { closes: '2018-09-03' }),
    consultation('today', { closes: '2018-08-31T17:00' }),
    consultation('future', { opens: '2018-09-10', closes: '2018-10-01' }),
  ];

  it('groups open (closing soonest first), not yet open, and closed', () => {
    const g = consultationGroups(cs, '2018-08-31');
    expect(g.open.map((c) => c.id)).toEqual(['today', 'open-soon', 'open-late']);
    expect(g.upcoming.map((c) => c.id)).toEqual(['future']);
    expect(g.closed.map((c) => c.id)).toEqual(['closed']);
  });

  it.each([
    ['2018-08-31', 0],
    ['2018-09-01', 1],
    ['2018-09-05', 5],
  ])('closing on %s is %i days after 31 August', (closes, days) =>
    expect(daysLeft({ closes }, '2018-08-31')).toBe(days),
  );
});

describe('designations', () => {
  it('newest first by date, then by version number; a modification’s oldest first', () => {
    const ds = [
      designation('5.3', '2018-08-22', ['A']),
      designation('5.21', '2018-08-22', []),
      designation('5.20', '2018-07-01', ['A']),
    ];
    expect(designationsByDate(ds).map((d) => d.id)).toEqual(['5.21', '5.3', '5.20']);
    expect(designationsOf(ds, 'A').map((d) => d.id)).toEqual(['5.20', '5.3']);
  });
});

describe('party statistics chart', () => {
  const stats = (month: string, large: number): Entry<PartyStats> => ({
    id: month,
    data: schemas['party-stats'].parse({
      month,
      counts: {
        'large-suppliers': large,
        'small-suppliers': 146,
        'electricity-networks': 26,
        'gas-networks': 20,
        'other-sec-parties': 92,
      },
      accessions: 0,
      withdrawals: 1,
      expulsions: 1,
      panelEmploymentChanges: 0,
    }),
  });

  it.each([
    [146, 50],
    [9, 5],
    [1000, 500],
    [0, 1],
  ])('a value axis up to %i steps by %i', (max, step) => expect(niceStep(max)).toBe(step));

  it('draws one bar per category per month, heights in proportion, months in order', () => {
    const chart = partyChart([stats('2018-09', 25), stats('2018-08', 24)]);
    expect(chart.months.map((m) => m.label)).toEqual(['August 2018', 'September 2018']);
    expect(chart.bars).toHaveLength(10);
    const small = chart.bars.find((b) => b.month === '2018-08' && b.category === 'small-suppliers')!;
    const large = chart.bars.find((b) => b.month === '2018-08' && b.category === 'large-suppliers')!;
    expect(small.height / large.height).toBeCloseTo(146 / 24, 5);
    expect(small.y + small.height).toBeCloseTo(chart.bottom, 5);
    expect(chart.ticks.map((t) => t.value)).toEqual([0, 50, 100, 150]);
    expect(totalParties(stats('2018-08', 24).data)).toBe(308);
  });
});

describe('register view in the URL query', () => {
  const vocab = { paths: MODIFICATION_PATHS, parties: IMPACTED_PARTIES };

  it.each([
    ['', DEFAULT_VIEW],
    ['?stage=refinement', { ...DEFAULT_VIEW, filter: { stage: 'refinement' } }],
    ['?stage=nonsense&path=fast-track', { ...DEFAULT_VIEW, filter: { path: 'fast-track' } }],
    ['?party=dcc&q=%20firmware%20', { ...DEFAULT_VIEW, filter: { party: 'dcc', q: 'firmware' } }],
    ['?sort=raised&order=desc', { filter: {}, sort: 'raised', order: 'desc' }],
    ['?sort=proposer&order=sideways', DEFAULT_VIEW],
    ['?stage=unknown', { ...DEFAULT_VIEW, filter: { stage: 'unknown' } }],
  ])('%s parses', (query, view) => expect(parseRegisterQuery(query, vocab)).toEqual(view));

  it.each([
    [DEFAULT_VIEW, ''],
    [{ ...DEFAULT_VIEW, filter: { q: '  ' } }, ''],
    [
      { filter: { party: 'dcc', stage: 'approved' }, sort: 'title', order: 'desc' },
      '?stage=approved&party=dcc&sort=title&order=desc',
    ],
    [{ filter: {}, sort: 'title', order: 'asc' }, '?sort=title'],
  ] as const)('%o is written %s, and reads back the same', (view, query) => {
    expect(registerQuery(view)).toBe(query);
    expect(registerQuery(parseRegisterQuery(query, vocab))).toBe(query);
  });

  it('knows when a filter is set', () => {
    expect(isFiltered(DEFAULT_VIEW)).toBe(false);
    expect(isFiltered({ ...DEFAULT_VIEW, filter: { q: 'x' } })).toBe(true);
  });
});

describe('feeds', () => {
  it('news and newsletters published by the as-of day, newest first, noon UTC', () => {
    const items = newsFeedItems(
      [news('a', '2018-08-01', { summary: 'A.' }), news('later', '2018-09-01')],
      [newsletter('2018-08', '2018-08-31')],
      '2018-08-31',
    );
    expect(items.map((i) => i.link)).toEqual(['/newsletters/2018-08/', '/news/a/']);
    expect(items[1]!.description).toBe('A.');
    expect(pubDate('2018-08-31').toISOString()).toBe('2018-08-31T12:00:00.000Z');
  });

  it('consultations that have opened, with their closing date', () => {
    const items = consultationFeedItems(
      [
        consultation('x', { opens: '2018-08-24', closes: '2018-09-21' }),
        consultation('y', { opens: '2018-09-10', closes: '2018-10-01' }),
      ],
      '2018-08-31',
    );
    expect(items.map((i) => i.link)).toEqual(['/consultations/x/']);
    expect(items[0]!.description).toContain('Closes 21st September 2018.');
  });
});
