/**
 * Every section and block kind, and every variant of their wording, rendered through the real
 * templates: the email stays valid and safe however an issue is made up, not only in August 2018.
 */
import { load } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { beforeAll, describe, expect, it } from 'vitest';
import { assembleIssueWithReport } from '../../src/lib/newsletter/assemble.ts';
import { emailSettings } from '../../src/lib/newsletter/build.ts';
import type { Issue } from '../../src/lib/newsletter/model.ts';
import { emailProblems } from '../../src/lib/newsletter/render/check.ts';
import { compileMjml } from '../../src/lib/newsletter/render/mjml.ts';
import { type RenderedIssue, renderIssue } from '../../src/lib/newsletter/render/index.ts';
import {
  BODIES,
  CONTACT,
  consultation,
  corpusOf,
  designation,
  meeting,
  modification,
  news,
  nl,
  partyStats,
} from './support/corpus.ts';
import { CONFIG, TEMPLATES } from './support/example.ts';
import { EMAIL_HTML_VALIDATE } from './support/html-validate.ts';

const vote = (id: string, outcome: string, path?: string, extra: Record<string, unknown> = {}) =>
  modification(id, {
    ...(path ? { path } : {}),
    ...extra,
    events: [{ type: 'change-board-vote', date: '2030-03-12', outcome }],
  });

const corpus = corpusOf(
  ...BODIES,
  nl(
    {
      featured: [{ modification: 'SECMP0300' }, { news: '2030-03-seminar' }],
      sections: Object.fromEntries(
        ['editorial', 'contents', 'governance', 'change', 'information'].map((s) => [
          s,
          { note: `A note on ${s}, with [a link](/about/).` },
        ]),
      ),
    },
    '## Welcome\n\nThe March issue, with a table:\n\n| A | B |\n| - | - |\n| 1 | 2 |',
  ),
  modification(
    'SECMP0300',
    { implementationDate: '2030-11-01' },
    'Why it matters, see [the register](/modifications/).',
  ),
  news('2030-03-seminar', {
    title: 'Seminar',
    date: '2030-03-01',
    category: 'events',
    meetings: ['2030-04-01-seminar'],
  }),
  meeting('2030-04-01-seminar', {
    body: 'secas',
    title: 'Seminar',
    date: '2030-04-01T10:00',
    end: '2030-04-01T14:00',
    location: 'London',
  }),
  // Governance: a body with two meetings, one without headlines, news attached, a next meeting.
  meeting('2030-03-02-tag', { body: 'tag', date: '2030-03-02' }, '- Headline.'),
  meeting('2030-03-09-tag', {
    body: 'tag',
    date: '2030-03-09',
    documents: [{ title: 'Notes', url: 'https://docs.example/n.pdf' }],
  }),
  meeting('2030-04-02-tag', { body: 'tag', date: '2030-04-02', number: 9 }),
  news('2030-03-gov', { title: 'Governance news', date: '2030-03-03', category: 'governance' }),
  news('2030-03-tag', {
    title: 'TAG news',
    date: '2030-03-10',
    category: 'security',
    meetings: ['2030-03-09-tag'],
  }),
  // Change: every report, vote and list.
  news('2030-03-change', { title: 'Change news', date: '2030-03-04', category: 'change' }),
  modification('SECMP0301', {
    events: [{ type: 'imr-presented', date: '2030-03-05', outcome: 'report-phase' }],
  }),
  modification('SECMP0302', {
    events: [{ type: 'imr-presented', date: '2030-03-05', outcome: 'refinement', summary: 'One.' }],
  }),
  modification('SECMP0303', { events: [{ type: 'dmr-presented', date: '2030-03-05' }] }),
  modification('SECMP0304', {
    events: [{ type: 'decision-deferred', date: '2030-03-05', summary: 'Costs.' }],
  }),
  modification('SECMP0305', { events: [{ type: 'withdrawn', date: '2030-03-06' }] }),
  vote('SECMP0306', 'approved', 'fast-track'),
  vote('SECMP0307', 'rejected', 'self-governance'),
  vote('SECMP0308', 'recommended-rejection', 'authority-determined', { implementationDate: '2030-12-01' }),
  modification('SECMP0309', {
    path: 'authority-determined',
    events: [
      { type: 'change-board-vote', date: '2030-03-12', outcome: 'recommended-approval' },
      { type: 'sent-to-authority', date: '2030-03-13' },
    ],
  }),
  consultation('mrc', {
    kind: 'modification-report',
    closes: '2030-03-30',
    modifications: ['SECMP0303'],
    url: 'https://consult.example/mrc',
  }),
  designation('9.9', { date: '2030-03-14' }),
  meeting('2030-04-03-qh', { body: 'secas', title: 'Modifications Question Hour', date: '2030-04-03T11:00' }),
  // Information: every list.
  news('2030-03-reminder', { title: 'Reminder', date: '2030-03-05', category: 'reminder' }),
  consultation('soon', { closes: '2030-03-22', issuer: 'ofgem' }),
  consultation('dcc', { closes: '2030-04-22', issuer: 'dcc', opens: '2030-03-01', briefing: '2030-04-01' }),
  consultation('beis', { closes: '2030-04-22', issuer: 'beis', url: 'https://beis.example/c' }),
  consultation('done', { closes: '2030-03-03', conclusion: 'Concluded.', opens: '2030-02-01' }),
  partyStats('2030-03'),
  news('2030-03-notice', { title: 'Notice', date: '2030-03-05', category: 'general' }),
);

let issue: Issue;
let email: RenderedIssue;
beforeAll(async () => {
  const assembled = assembleIssueWithReport(corpus, '2030-03', { contact: CONTACT });
  expect(assembled.unmatched).toEqual([]);
  issue = assembled.issue;
  email = await renderIssue(issue, { templates: TEMPLATES, settings: emailSettings(CONFIG) });
});

describe('an issue with every kind of block', () => {
  it('has them all', () => {
    const kinds = new Set(
      issue.sections.flatMap((s) => ('blocks' in s ? s.blocks.map((b) => b.kind) : [s.kind])),
    );
    expect([...kinds].sort()).toEqual(
      [
        'editorial',
        'contents',
        'news',
        'body',
        'reports',
        'modification-report-consultations',
        'withdrawn',
        'votes',
        'designations',
        'register',
        'question-hour',
        'short-deadline',
        'dcc-consultations',
        'other-consultations',
        'conclusions',
        'party-stats',
        'calendar',
      ].sort(),
    );
  });

  it('renders a valid, safe email', async () => {
    const report = await new HtmlValidate(EMAIL_HTML_VALIDATE).validateString(email.html);
    expect(
      report.results.flatMap((r) => r.messages.map((m) => `${m.line}: ${m.ruleId} ${m.message}`)),
    ).toEqual([]);
    expect(emailProblems(email.html)).toEqual([]);
  });

  it('compiles to the same HTML through a reused skeleton as compiled whole', async () => {
    // The issue was rendered through a skeleton; MJML alone, on the whole document, must agree.
    expect(await compileMjml(email.mjml, { reuseSkeletons: false })).toBe(email.html);
  });

  it('shows every block’s heading and every note, in the HTML and the text', () => {
    const $ = load(email.html);
    const headings = $('h2, h3')
      .map((_, h) => $(h).text())
      .get();
    for (const section of issue.sections) {
      if ('blocks' in section) for (const block of section.blocks) expect(headings).toContain(block.title);
      expect(email.text).toContain(`A note on ${section.id}, with a link <${CONFIG.url}/about/>`);
    }
  });

  it('words each kind of vote and report', () => {
    const text = email.text.replace(/\s+/g, ' ');
    for (const phrase of [
      'the Change Board approved this Modification Proposal (Fast-Track)',
      'the Change Board rejected this Modification Proposal (Self-Governance)',
      'recommended to the Authority that this Modification Proposal be rejected (Authority Determined)',
      'Implementation is planned for Sunday 1st December 2030',
      'Its Final Modification Report (FMR) has gone to the Authority',
      'The Panel sent it straight to the Report Phase',
      'The Panel sent it to the Refinement Process',
      'The Panel held one modification back from a decision',
      '10am to 2pm on Monday 1st April 2030, London',
      'briefing Monday 1st April 2030',
      'Ran from 1st February 2030 to 3rd March 2030',
    ]) {
      expect(text).toContain(phrase);
    }
  });
});
