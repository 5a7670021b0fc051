/**
 * `npm run new`: every kind makes a file that the loader accepts as it is, from the
 * options an editor gives, and refuses options it cannot make a valid file from.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import type { Corpus } from '../../src/lib/corpus.ts';
import { formatHelp, parseOptions } from '../../src/lib/editing/args.ts';
import { EditError } from '../../src/lib/editing/errors.ts';
import { KINDS, kindsHelp, nextModificationId, slugify } from '../../src/lib/editing/scaffold.ts';

let corpus: Corpus;
beforeAll(async () => {
  const loaded = await loadContent(PROJECT_ROOT);
  expect(loaded.problems).toEqual([]);
  corpus = loaded.corpus;
});

const TODAY = '2018-09-03';
function build(kind: string, args: string[]) {
  const { values, positionals } = parseOptions(KINDS[kind]!.spec, args);
  return KINDS[kind]!.build(values, { corpus, today: TODAY }, positionals);
}

/** Loads the example content with one more file; returns the problems and the new entry's data. */
async function withFile(file: string, text: string) {
  const loaded = await loadContent(PROJECT_ROOT, undefined, {
    overrides: new Map([[file, new TextEncoder().encode(text)]]),
  });
  const all = Object.values(loaded.corpus).flat() as { filePath?: string; data: unknown; body?: string }[];
  return { problems: loaded.problems, entry: all.find((e) => e.filePath === file) };
}

describe('each kind makes a valid file', () => {
  it.each([
    [
      'modification',
      ['--title', 'Users to notify SSC: a test'],
      'content/modifications/SECMP0059.md',
      { id: 'SECMP0059', title: 'Users to notify SSC: a test' },
    ],
    [
      'modification',
      [
        '--id',
        'secmp0070',
        '--title',
        'T',
        '--path',
        'self-governance',
        '--raised',
        '2018-09-03',
        '--related',
        'SECMP0049',
        '--proposer',
        'SECAS',
      ],
      'content/modifications/SECMP0070.md',
      {
        id: 'SECMP0070',
        path: 'self-governance',
        proposer: 'SECAS',
        events: [{ type: 'raised', date: '2018-09-03' }],
      },
    ],
    [
      'meeting',
      ['--body', 'SEC Panel', '--date', '2018-10-12', '--number', '61'],
      'content/meetings/2018-10-12-sec-panel.md',
      { number: 61, date: '2018-10-12', body: { collection: 'bodies', id: 'sec-panel' } },
    ],
    [
      'meeting',
      [
        '--body',
        'secas',
        '--date',
        '2018-10-08',
        '--time',
        '9:30',
        '--title',
        'Modifications Question Hour',
        '--location',
        'Teleconference',
        '--modification',
        'SECMP0049',
      ],
      'content/meetings/2018-10-08-modifications-question-hour.md',
      { date: '2018-10-08T09:30', title: 'Modifications Question Hour', location: 'Teleconference' },
    ],
    [
      'meeting',
      ['--body', 'tag', '--date', '2018-10-04', '--status', 'Cancelled'],
      'content/meetings/2018-10-04-tag.md',
      { status: 'cancelled' },
    ],
    [
      'news',
      ['--title', 'SEC Panel election: results!', '--category', 'governance'],
      'content/news/2018-09-sec-panel-election-results.md',
      { date: TODAY, category: 'governance' },
    ],
    [
      'news',
      [
        '--title',
        'T',
        '--category',
        'change',
        '--date',
        '2018-08-31',
        '--slug',
        'my-item',
        '--body',
        'tabasc',
        '--meeting',
        'sec-panel 60',
        '--modification',
        'SECMP0049',
        '--summary',
        'One sentence.',
      ],
      'content/news/2018-08-my-item.md',
      {
        meetings: [{ collection: 'meetings', id: '2018-09-14-sec-panel' }],
        bodies: [{ collection: 'bodies', id: 'tabasc' }],
      },
    ],
    [
      'consultation',
      [
        '--kind',
        'modification-report',
        '--modification',
        'SECMP0057',
        '--issuer',
        'secas',
        '--closes',
        '2018-10-05T17:00',
        '--summary',
        'Views on the Draft Modification Report.',
      ],
      'content/consultations/secmp0057-modification-report-consultation.md',
      {
        title: 'SECMP0057 Modification Report Consultation',
        kind: 'modification-report',
        closes: '2018-10-05T17:00',
      },
    ],
    [
      'consultation',
      [
        '--title',
        'Access to data',
        '--opens',
        '2018-09-01',
        '--closes',
        '2018-09-30',
        '--briefing',
        '2018-09-10',
        '--url',
        'https://example.org/c',
        '--summary',
        'S.',
      ],
      'content/consultations/access-to-data.md',
      { kind: 'industry', briefing: '2018-09-10', url: 'https://example.org/c' },
    ],
    [
      'designation',
      ['--version', '5.22', '--date', '2018-11-01', '--modification', 'SECMP0049,SECMP0050'],
      'content/designations/5.22.md',
      {
        version: '5.22',
        modifications: [
          { collection: 'modifications', id: 'SECMP0049' },
          { collection: 'modifications', id: 'SECMP0050' },
        ],
      },
    ],
    [
      'newsletter',
      [
        '2018-09',
        '--date',
        '2018-09-21',
        '--preheader',
        'The September Change update',
        '--featured',
        'SECMP0049',
        '--featured',
        '2018-08-newsletter-changes',
      ],
      'content/newsletters/2018-09.md',
      {
        title: 'SEC Newsletter September 2018',
        signedBy: { name: 'David Kemp', role: 'Change Delivery Manager, SECAS' },
        featured: [
          { modification: { collection: 'modifications', id: 'SECMP0049' } },
          { news: { collection: 'news', id: '2018-08-newsletter-changes' } },
        ],
      },
    ],
    [
      'party-stats',
      [
        '2018-09',
        '--accessions',
        '2',
        '--withdrawals',
        '0',
        '--expulsions',
        '0',
        '--panel-employment-changes',
        '0',
        '--small-suppliers',
        '148',
      ],
      'content/party-stats/2018-09.yaml',
      {
        counts: {
          'large-suppliers': 24,
          'small-suppliers': 148,
          'electricity-networks': 26,
          'gas-networks': 20,
          'other-sec-parties': 92,
        },
        accessions: 2,
      },
    ],
    [
      'body',
      [
        '--id',
        'change-sub-committee',
        '--name',
        'Change Sub-Committee',
        '--short-name',
        'CSC',
        '--description',
        'Oversees the Development Stage.',
        '--standing',
      ],
      'content/bodies/change-sub-committee.yaml',
      { standing: true, order: 100 },
    ],
    [
      'page',
      ['--slug', 'contact', '--title', 'Contact SECAS', '--description', 'How to reach us.'],
      'content/pages/contact.mdx',
      { title: 'Contact SECAS' },
    ],
  ])('%s %j', async (kind, args, file, expected) => {
    const made = build(kind, args as string[]);
    expect(made.file).toBe(file);
    const { problems, entry } = await withFile(made.file, made.text);
    expect(problems).toEqual([]);
    expect(entry?.data).toMatchObject(expected);
  });

  it('the Markdown text is left to write, with guidance that readers never see', () => {
    const made = build('modification', ['--title', 'T']);
    expect(made.text).toMatch(
      /## What is the issue\?\n\n<!-- .* -->\n\n## What is the solution\?\n\n<!-- .* -->\n$/,
    );
  });
});

describe('defaults and notes', () => {
  it('the next modification id is one more than the highest id or alias', () => {
    expect(nextModificationId(corpus)).toBe('SECMP0059');
    const extra = {
      id: 'SECMP0060',
      data: { aliases: ['SECMP0102'] },
    } as unknown as Corpus['modifications'][number];
    expect(nextModificationId({ modifications: [...corpus.modifications, extra] })).toBe('SECMP0103');
    expect(nextModificationId({ modifications: [] })).toBe('SECMP0001');
  });

  it('a meeting without a number notes the body’s last number', () => {
    const made = build('meeting', ['--body', 'sec-panel', '--date', '2018-10-12']);
    expect(made.notes.join('\n')).toContain('the highest so far is 60');
  });

  it('party statistics say which counts were copied from the month before', () => {
    const made = build('party-stats', [
      '2018-09',
      '--accessions',
      '0',
      '--withdrawals',
      '0',
      '--expulsions',
      '0',
      '--panel-employment-changes',
      '0',
    ]);
    expect(made.notes.join('\n')).toContain('Copied from 2018-08');
  });

  it.each([
    ['Changes to the SEC: a guide', 'changes-to-the-sec-a-guide'],
    ['SECMP0049 ‘Section D Review’', 'secmp0049-section-d-review'],
    ['Café & crème', 'cafe-creme'],
    [
      'A very long title that goes on and on well beyond the sixty characters allowed',
      'a-very-long-title-that-goes-on-and-on-well-beyond-the-sixty',
    ],
  ])('slugify(%j) is %j', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });
});

describe('options that cannot make a valid file are refused with a clear message', () => {
  it.each([
    ['modification', [], 'missing --title <text>'],
    ['modification', ['--titel', 'x'], 'unknown option --titel; did you mean “--title”?'],
    ['modification', ['--title'], '--title needs a value: --title <text>'],
    ['modification', ['--title', ' '], '--title is empty'],
    ['modification', ['--title', 'T', '--id', 'SECMP0049'], 'SECMP0049 exists already'],
    ['modification', ['--title', 'T', '--id', 'MOD49'], 'is not a modification id'],
    ['modification', ['--title', 'T', '--path', 'self-gov'], 'did you mean “self-governance”?'],
    ['modification', ['--title', 'T', '--raised', '31/08/2018'], 'did you mean 2018-08-31?'],
    ['modification', ['--title', 'T', '--raised', '2018-02-30'], 'February 2018 has no day 30'],
    ['modification', ['--title', 'T', '--related', 'SECMP0100'], 'no modification “SECMP0100”'],
    ['meeting', ['--body', 'panle', '--date', '2018-10-12'], 'no body “panle”; did you mean “sec-panel”?'],
    ['meeting', ['--body', 'tag', '--date', '2018-10-12', '--time', '25:00'], 'is not a time of day'],
    ['meeting', ['--body', 'tag', '--date', '2018-10-12', '--number', 'sixty'], 'must be a whole number'],
    [
      'meeting',
      ['--body', 'tag', '--date', '2018-10-12', '--slug', 'Not A Slug'],
      'must be lower-case letters',
    ],
    ['news', ['--title', 'T', '--category', 'politics'], '--category “politics” is not one of'],
    [
      'news',
      ['--title', 'T', '--category', 'change', '--meeting', 'sec-panel 61'],
      'no SEC Panel meeting 61',
    ],
    ['consultation', ['--closes', '2018-10-05', '--summary', 'S'], 'missing --title'],
    ['designation', ['--version', '5', '--date', '2018-11-01'], 'is not a SEC version'],
    ['newsletter', ['--date', '2018-09-21', '--preheader', 'P'], 'missing the month'],
    ['newsletter', ['2018-10', '--date', '2018-09-21', '--preheader', 'P'], 'is not in 2018-10'],
    [
      'newsletter',
      ['2018-09', '--date', '2018-09-21', '--preheader', 'P', '--featured', '2018-08-newsletter-change'],
      'did you mean “2018-08-newsletter-changes”?',
    ],
    ['newsletter', ['2018-13', '--date', '2018-09-21', '--preheader', 'P'], 'is not a month'],
    [
      'party-stats',
      [
        '2018-09',
        '--accessions=-1',
        '--withdrawals',
        '0',
        '--expulsions',
        '0',
        '--panel-employment-changes',
        '0',
      ],
      'must be a whole number',
    ],
    [
      'body',
      ['--id', 'Change Sub', '--name', 'N', '--short-name', 'S', '--description', 'D'],
      'must be lower-case letters',
    ],
  ])('%s %j', (kind, args, message) => {
    expect(() => build(kind, args as string[])).toThrow(EditError);
    expect(() => build(kind, args as string[])).toThrow(message);
  });
});

describe('help', () => {
  it('lists every kind', () => {
    const help = kindsHelp();
    for (const kind of Object.keys(KINDS)) expect(help).toMatch(new RegExp(`^  ${kind} `, 'm'));
  });

  it.each(Object.keys(KINDS))('%s: usage, every option, and examples that work', (kind) => {
    const spec = KINDS[kind]!.spec;
    const help = formatHelp(spec);
    expect(help).toMatch(new RegExp(`^Usage: npm run new -- ${kind} `));
    for (const o of spec.options) expect(help).toContain(`--${o.name}`);
    expect(spec.examples.length).toBeGreaterThan(0);
    expect(parseOptions(spec, ['--help']).help).toBe(true);
  });
});
