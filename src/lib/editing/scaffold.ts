/**
 * `npm run new`: the new file of each collection, from the options an editor gives. Every
 * field the schema requires is asked for as an option (or has a stated default), so what is
 * written is valid at once; only the Markdown text is left to write, guided by comments.
 */
import {
  CONSULTATION_KINDS,
  ISSUERS,
  MEETING_STATUSES,
  MODIFICATION_ID,
  MODIFICATION_PATHS,
  NEWS_CATEGORIES,
  PARTY_CATEGORIES,
} from '../../schemas/index.ts';
import type { Corpus } from '../corpus.ts';
import { type IsoDate, MONTH_NAMES, parseWhen } from '../dates.ts';
import { isoFromBritish } from '../content/hints.ts';
import { closest } from '../content/suggest.ts';
import { type CommandSpec, list, oneOf, type ParsedOptions, str, wholeNumber } from './args.ts';
import { EditError } from './errors.ts';
import { renderFile, renderYaml } from './front-matter.ts';
import { resolveBody, resolveMeeting, resolveModification } from './resolve.ts';

export interface ScaffoldContext {
  corpus: Corpus;
  /** Today in Europe/London, the default date of a news item. */
  today: IsoDate;
}

export interface Scaffold {
  /** Path from the project root. */
  file: string;
  text: string;
  /** Things the editor should know: defaults taken, what to fill in next. */
  notes: string[];
}

export interface Kind {
  spec: CommandSpec;
  /** One line for `npm run new -- --help`. */
  summary: string;
  build(values: ParsedOptions, ctx: ScaffoldContext, positionals: string[]): Scaffold;
}

// ---------------------------------------------------------------------------------------
// Values from options

/** A date option, checked: `YYYY-MM-DD`, or with a time / only a month where allowed. */
export function dateOption(
  name: string,
  value: string,
  allow: { time?: boolean; month?: boolean } = {},
): string {
  const v = value.trim();
  const parsed = parseWhen(v, allow);
  if (parsed.ok) return v;
  const british = isoFromBritish(v);
  const forms = [
    'YYYY-MM-DD',
    ...(allow.time ? ['YYYY-MM-DDTHH:MM'] : []),
    ...(allow.month ? ['YYYY-MM'] : []),
  ].join(' or ');
  throw new EditError(
    `--${name} “${v}” ${parsed.reason}: write ${forms}${british ? `; did you mean ${british}?` : ''}`,
  );
}

function monthOption(name: string, value: string): string {
  const v = value.trim();
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(v)) return v;
  throw new EditError(`--${name} “${v}” is not a month: write YYYY-MM, e.g. 2018-09`);
}

function timeOption(name: string, value: string): string {
  const m = /^(\d{1,2})[:.](\d{2})$/.exec(value.trim());
  if (!m || Number(m[1]) > 23 || Number(m[2]) > 59) {
    throw new EditError(
      `--${name} “${value}” is not a time of day: write HH:MM, 24-hour, e.g. 10:00 or 17:30`,
    );
  }
  return `${m[1]!.padStart(2, '0')}:${m[2]}`;
}

/** `Changes to the SEC: a guide` → `changes-to-the-sec-a-guide`. */
export function slugify(text: string, max = 60): string {
  const slug = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[‘’'`]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  return cut.slice(0, cut.lastIndexOf('-') > 20 ? cut.lastIndexOf('-') : max);
}

function slugOption(value: string): string {
  const v = value.trim();
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v)) {
    throw new EditError(
      `--slug “${v}” must be lower-case letters, digits and single hyphens, e.g. ${slugify(v) || 'my-news-item'}`,
    );
  }
  return v;
}

/** The next free `SECMPnnnn` after every id and alias in the content. */
export function nextModificationId(corpus: Pick<Corpus, 'modifications'>): string {
  let max = 0;
  for (const m of corpus.modifications) {
    for (const id of [m.id, ...m.data.aliases]) {
      const n = /^SECMP(\d{4})$/.exec(id)?.[1];
      if (n) max = Math.max(max, Number(n));
    }
  }
  return `SECMP${String(max + 1).padStart(4, '0')}`;
}

const monthName = (month: string) => `${MONTH_NAMES[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;

const mods = (ctx: ScaffoldContext, values: ParsedOptions) =>
  list(values, 'modification').map((id) => resolveModification(ctx.corpus, id).id);

// ---------------------------------------------------------------------------------------
// The kinds

const MODIFICATION_BODY = `## What is the issue?

<!-- In two or three plain-English sentences: the problem this modification solves. -->

## What is the solution?

<!-- What the modification changes, and for whom. -->
`;

const modification: Kind = {
  summary: 'a Modification Proposal (content/modifications/SECMP0059.md)',
  spec: {
    usage: 'npm run new -- modification',
    description: [
      'Adds a Modification Proposal, with the next free id (one more than the highest',
      'SECMPnnnn in content/modifications/) unless you give one. Its stage is never written:',
      'it follows from the events you record (npm run record).',
    ],
    options: [
      { name: 'title', value: 'text', required: true, help: 'its title as raised, without quotation marks' },
      { name: 'id', value: 'SECMPnnnn', help: 'its id, if not the next free one' },
      { name: 'proposer', value: 'name', help: 'the SEC Party or person who raised it' },
      { name: 'path', value: 'path', help: `how it is decided: ${MODIFICATION_PATHS.join(', ')}` },
      { name: 'raised', value: 'YYYY-MM-DD', help: 'the day it was raised: records a “raised” event' },
      { name: 'related', value: 'SECMPnnnn', multiple: true, help: 'a related modification' },
    ],
    examples: [
      'npm run new -- modification --title "Users to notify SSC of a second or subsequent User System"',
      'npm run new -- modification --id SECMP0060 --title "…" --path self-governance --raised 2018-09-03',
    ],
  },
  build(values, ctx) {
    const given = str(values, 'id');
    const id = given ? given.toUpperCase() : nextModificationId(ctx.corpus);
    if (!MODIFICATION_ID.test(id))
      throw new EditError(
        `--id “${given}” is not a modification id: write SECMP and four digits, e.g. SECMP0059`,
      );
    const clash = ctx.corpus.modifications.find((m) => m.id === id || m.data.aliases.includes(id));
    if (clash) {
      throw new EditError(
        `${id} exists already (${clash.filePath ?? clash.id}): nothing was written; the next free id is ${nextModificationId(ctx.corpus)}`,
      );
    }
    const raised = str(values, 'raised');
    const pathValue = str(values, 'path');
    return {
      file: `content/modifications/${id}.md`,
      text: renderFile(
        {
          id,
          title: str(values, 'title'),
          proposer: str(values, 'proposer'),
          path: pathValue ? oneOf('path', pathValue, MODIFICATION_PATHS) : undefined,
          related: list(values, 'related').map((r) => resolveModification(ctx.corpus, r).id),
          events: raised ? [{ type: 'raised', date: dateOption('raised', raised) }] : undefined,
        },
        MODIFICATION_BODY,
      ),
      notes: [
        'Write its summary under the two headings (What is the issue? What is the solution?).',
        `Record what happens to it with: npm run record -- ${id} <event> …`,
      ],
    };
  },
};

const meeting: Kind = {
  summary: 'a meeting of a body, held or scheduled (content/meetings/2018-09-14-sec-panel.md)',
  spec: {
    usage: 'npm run new -- meeting',
    description: [
      'Adds a meeting of a body: content/meetings/<date>-<body>.md. Add the meetings a body',
      'has announced as soon as their dates are known; after the meeting, write its headlines',
      'as the Markdown text of the file.',
    ],
    options: [
      {
        name: 'body',
        value: 'body',
        required: true,
        help: 'the body that meets: its id (sec-panel) or short name ("SEC Panel")',
      },
      { name: 'date', value: 'YYYY-MM-DD', required: true, help: 'the day of the meeting' },
      { name: 'time', value: 'HH:MM', help: 'when it starts, 24-hour, Europe/London' },
      { name: 'number', value: 'n', help: 'the body’s running number for it: SEC Panel meeting 60' },
      { name: 'title', value: 'text', help: 'a name other than “<body> meeting <number>”' },
      { name: 'location', value: 'text', help: 'where: an address, or Teleconference' },
      {
        name: 'status',
        value: 'status',
        help: `only if cancelled (held or scheduled follows from the date): ${MEETING_STATUSES.join(', ')}`,
      },
      { name: 'modification', value: 'SECMPnnnn', multiple: true, help: 'a modification it discusses' },
      { name: 'slug', value: 'name', help: 'the end of the file name, if not the body’s id (or the title)' },
    ],
    examples: [
      'npm run new -- meeting --body sec-panel --date 2018-09-14 --number 60',
      'npm run new -- meeting --body secas --date 2018-09-10 --time 10:00 --title "Modifications Question Hour"',
    ],
  },
  build(values, ctx) {
    const body = resolveBody(ctx.corpus, str(values, 'body')!);
    const date = dateOption('date', str(values, 'date')!);
    const time = str(values, 'time');
    const number = wholeNumber(values, 'number');
    const title = str(values, 'title');
    const status = str(values, 'status');
    const slug = str(values, 'slug') ? slugOption(str(values, 'slug')!) : title ? slugify(title) : body.id;
    const notes = [
      'After the meeting, write its headlines as a Markdown list below the front matter (after the second --- line).',
    ];
    if (number === undefined) {
      const numbered = ctx.corpus.meetings
        .filter((m) => m.data.body.id === body.id && m.data.number !== undefined)
        .sort((a, b) => a.data.number! - b.data.number!);
      const last = numbered.at(-1);
      if (last) {
        notes.push(
          `${body.data.shortName} meetings are numbered (the highest so far is ${last.data.number}, ${last.data.date.slice(0, 10)}): add number: to the file if this one has one.`,
        );
      }
    } else if (number === 0) throw new EditError('--number must be 1 or more');
    return {
      file: `content/meetings/${date}-${slug}.md`,
      text: renderFile({
        body: body.id,
        title,
        number,
        date: time ? `${date}T${timeOption('time', time)}` : date,
        location: str(values, 'location'),
        status: status ? oneOf('status', status, MEETING_STATUSES) : undefined,
        modifications: mods(ctx, values),
      }),
      notes,
    };
  },
};

const news: Kind = {
  summary: 'a news item (content/news/2018-09-<slug>.md)',
  spec: {
    usage: 'npm run new -- news',
    description: [
      'Adds a dated news item: content/news/<YYYY-MM>-<slug>.md, the slug made from the title',
      'unless you give one. Write the article as the Markdown text of the file.',
    ],
    options: [
      { name: 'title', value: 'text', required: true, help: 'the headline' },
      {
        name: 'category',
        value: 'category',
        required: true,
        help: `where it belongs: ${NEWS_CATEGORIES.join(', ')}`,
      },
      {
        name: 'date',
        value: 'YYYY-MM-DD',
        help: 'the day it is published (default: today in Europe/London)',
      },
      { name: 'summary', value: 'text', help: 'one sentence for lists, feeds and search' },
      { name: 'body', value: 'body', multiple: true, help: 'a body it concerns (id or short name)' },
      { name: 'modification', value: 'SECMPnnnn', multiple: true, help: 'a modification it concerns' },
      {
        name: 'meeting',
        value: 'meeting',
        multiple: true,
        help: 'a meeting it concerns: its id, or "sec-panel 60"',
      },
      { name: 'slug', value: 'name', help: 'the file name after the month, if not made from the title' },
    ],
    examples: [
      'npm run new -- news --title "SEC Panel election result" --category governance --date 2018-08-31',
    ],
  },
  build(values, ctx) {
    const title = str(values, 'title')!;
    const date = str(values, 'date') ? dateOption('date', str(values, 'date')!) : ctx.today;
    const slug = str(values, 'slug') ? slugOption(str(values, 'slug')!) : slugify(title);
    if (!slug)
      throw new EditError('the title has no letters or digits to make a file name from: give --slug');
    return {
      file: `content/news/${date.slice(0, 7)}-${slug}.md`,
      text: renderFile({
        title,
        date,
        category: oneOf('category', str(values, 'category')!, NEWS_CATEGORIES),
        summary: str(values, 'summary'),
        bodies: list(values, 'body').map((b) => resolveBody(ctx.corpus, b).id),
        modifications: mods(ctx, values),
        meetings: list(values, 'meeting').map((m) => resolveMeeting(ctx.corpus, m).id),
      }),
      notes: ['Write the article in Markdown below the front matter (after the second --- line).'],
    };
  },
};

const consultation: Kind = {
  summary: 'a consultation, including a Modification Report Consultation (content/consultations/<slug>.md)',
  spec: {
    usage: 'npm run new -- consultation',
    description: [
      'Adds a consultation: content/consultations/<slug>.md. For a Modification Report',
      'Consultation give --kind modification-report and its one --modification: the title and',
      'file name follow (“SECMP0009 Modification Report Consultation”).',
    ],
    options: [
      {
        name: 'closes',
        value: 'YYYY-MM-DD[THH:MM]',
        required: true,
        help: 'the deadline for responses, Europe/London',
      },
      { name: 'summary', value: 'text', required: true, help: 'what it proposes, in one or two sentences' },
      {
        name: 'title',
        value: 'text',
        help: 'its title as published (required unless a Modification Report Consultation)',
      },
      { name: 'kind', value: 'kind', help: `${CONSULTATION_KINDS.join(' or ')} (default: industry)` },
      { name: 'issuer', value: 'issuer', help: `who consults: ${ISSUERS.join(', ')}` },
      { name: 'opens', value: 'YYYY-MM-DD[THH:MM]', help: 'when it opened' },
      { name: 'modification', value: 'SECMPnnnn', multiple: true, help: 'a modification it consults on' },
      { name: 'briefing', value: 'YYYY-MM-DD', help: 'the day of a briefing or webinar on it' },
      { name: 'url', value: 'https://…', help: 'where to read and answer it' },
      { name: 'slug', value: 'name', help: 'the file name, if not made from the title' },
    ],
    examples: [
      'npm run new -- consultation --kind modification-report --modification SECMP0009 --issuer secas --closes 2018-09-05 --summary "Views on the Draft Modification Report for SECMP0009."',
      'npm run new -- consultation --title "Access to half-hourly settlement data" --issuer ofgem --closes 2018-09-14 --summary "…"',
    ],
  },
  build(values, ctx) {
    const kind = str(values, 'kind') ? oneOf('kind', str(values, 'kind')!, CONSULTATION_KINDS) : undefined;
    const modifications = mods(ctx, values);
    let title = str(values, 'title');
    let slug = str(values, 'slug') ? slugOption(str(values, 'slug')!) : undefined;
    if (!title) {
      if (kind !== 'modification-report' || modifications.length !== 1) {
        throw new EditError(
          'missing --title (only a Modification Report Consultation with one --modification has a title by default)',
        );
      }
      title = `${modifications[0]} Modification Report Consultation`;
    }
    slug ??= slugify(title);
    const issuer = str(values, 'issuer');
    const opens = str(values, 'opens');
    const briefing = str(values, 'briefing');
    return {
      file: `content/consultations/${slug}.md`,
      text: renderFile({
        title,
        issuer: issuer ? oneOf('issuer', issuer, ISSUERS) : undefined,
        kind,
        opens: opens ? dateOption('opens', opens, { time: true }) : undefined,
        closes: dateOption('closes', str(values, 'closes')!, { time: true }),
        briefing: briefing ? dateOption('briefing', briefing) : undefined,
        modifications,
        summary: str(values, 'summary'),
        url: str(values, 'url'),
      }),
      notes: ['Say more about it and how to respond, in Markdown below the front matter, if needed.'],
    };
  },
};

const designation: Kind = {
  summary: 'a designation: a version of the SEC coming into effect (content/designations/5.22.md)',
  spec: {
    usage: 'npm run new -- designation',
    description: [
      'Adds a designation, a version of the SEC coming into effect: content/designations/<version>.md.',
      'The modifications it delivers become Implemented on its date: do not record that again.',
    ],
    options: [
      { name: 'version', value: 'n.nn', required: true, help: 'the SEC version, e.g. 5.22' },
      { name: 'date', value: 'YYYY-MM-DD', required: true, help: 'the day it takes effect' },
      { name: 'modification', value: 'SECMPnnnn', multiple: true, help: 'a modification it implements' },
    ],
    examples: ['npm run new -- designation --version 5.21 --date 2018-08-22 --modification SECMP0044'],
  },
  build(values, ctx) {
    const version = str(values, 'version')!;
    if (!/^\d+\.\d+(\.\d+)?$/.test(version))
      throw new EditError(`--version “${version}” is not a SEC version: write it like 5.22`);
    return {
      file: `content/designations/${version}.md`,
      text: renderFile({
        version,
        date: dateOption('date', str(values, 'date')!),
        modifications: mods(ctx, values),
      }),
      notes: [],
    };
  },
};

const newsletter: Kind = {
  summary: 'the editorial of a month’s newsletter (content/newsletters/2018-09.md)',
  spec: {
    usage: 'npm run new -- newsletter',
    positionals: [{ name: 'YYYY-MM', help: 'the month of the issue (or --month)' }],
    description: [
      'Adds the editorial file of a month’s newsletter: content/newsletters/<YYYY-MM>.md. Everything',
      'else in the issue comes from the month’s news, meetings, modifications and consultations.',
      'The signature is copied from the latest earlier newsletter unless you give one.',
    ],
    options: [
      { name: 'date', value: 'YYYY-MM-DD', required: true, help: 'the day it is sent, in its month' },
      {
        name: 'preheader',
        value: 'text',
        required: true,
        help: 'the line mail clients show after the subject',
      },
      { name: 'month', value: 'YYYY-MM', help: 'the month, if not given as the argument' },
      {
        name: 'title',
        value: 'text',
        help: 'the title and email subject (default: SEC Newsletter <Month YYYY>)',
      },
      { name: 'signed-by', value: 'name', help: 'who signs the editorial (default: as last time)' },
      { name: 'role', value: 'role', help: 'their role and organisation (default: as last time)' },
      {
        name: 'featured',
        value: 'news or SECMPnnnn',
        multiple: true,
        help: 'a news item (its id) or a modification to lead with, in order',
      },
    ],
    examples: [
      'npm run new -- newsletter 2018-09 --date 2018-09-21 --preheader "The September Change update and Panel news"',
    ],
  },
  build(values, ctx, positionals) {
    const given = str(values, 'month') ?? positionals[0];
    if (!given) throw new EditError('missing the month: npm run new -- newsletter YYYY-MM …');
    const month = monthOption('month', given);
    const date = dateOption('date', str(values, 'date')!);
    if (date.slice(0, 7) !== month)
      throw new EditError(`--date ${date} is not in ${month}, the month of this newsletter`);
    const earlier = ctx.corpus.newsletters
      .filter((n) => n.id < month)
      .sort((a, b) => a.id.localeCompare(b.id))
      .at(-1);
    const name = str(values, 'signed-by') ?? earlier?.data.signedBy.name;
    const role = str(values, 'role') ?? earlier?.data.signedBy.role;
    if (!name || !role)
      throw new EditError(
        'missing --signed-by <name> and --role <role> (there is no earlier newsletter to copy them from)',
      );
    const notes = [
      'Write the editorial introduction in Markdown below the front matter (after the second --- line).',
    ];
    if (earlier && !str(values, 'signed-by')) notes.push(`Signed by ${name}, ${role}, as in ${earlier.id}.`);
    const newsIds = ctx.corpus.news.map((n) => n.id);
    const featured = list(values, 'featured').map((f) => {
      if (newsIds.includes(f)) return { news: f };
      if (/^(SECMP|MP|DP)\d/i.test(f)) return { modification: resolveModification(ctx.corpus, f).id };
      const near = closest(f, newsIds);
      throw new EditError(
        `--featured “${f}” is neither a news item nor a modification${near ? `; did you mean “${near}”?` : ''}`,
      );
    });
    return {
      file: `content/newsletters/${month}.md`,
      text: renderFile({
        title: str(values, 'title') ?? `SEC Newsletter ${monthName(month)}`,
        issueDate: date,
        preheader: str(values, 'preheader'),
        signedBy: { name, role },
        featured,
      }),
      notes,
    };
  },
};

const COUNT_OPTIONS = PARTY_CATEGORIES.map((c) => ({ category: c, name: c }));

const partyStats: Kind = {
  summary: 'a month’s SEC Party statistics (content/party-stats/2018-09.yaml)',
  spec: {
    usage: 'npm run new -- party-stats',
    positionals: [{ name: 'YYYY-MM', help: 'the month (or --month)' }],
    description: [
      'Adds the monthly SEC Party statistics: content/party-stats/<YYYY-MM>.yaml. The number of',
      'SEC Parties in each category is copied from the latest earlier month unless you give it;',
      'the changes since then must be given.',
    ],
    options: [
      { name: 'accessions', value: 'n', required: true, help: 'new SEC Parties since the last snapshot' },
      { name: 'withdrawals', value: 'n', required: true, help: 'SEC Parties that withdrew' },
      { name: 'expulsions', value: 'n', required: true, help: 'SEC Parties expelled' },
      {
        name: 'panel-employment-changes',
        value: 'n',
        required: true,
        help: 'changes to Panel Members’ employment',
      },
      { name: 'month', value: 'YYYY-MM', help: 'the month, if not given as the argument' },
      ...COUNT_OPTIONS.map((c) => ({
        name: c.name,
        value: 'n',
        help: `SEC Parties that are ${c.category.replace(/-/g, ' ')} (default: as last month)`,
      })),
    ],
    examples: [
      'npm run new -- party-stats 2018-09 --accessions 2 --withdrawals 0 --expulsions 0 --panel-employment-changes 0 --small-suppliers 148',
    ],
  },
  build(values, ctx, positionals) {
    const given = str(values, 'month') ?? positionals[0];
    if (!given) throw new EditError('missing the month: npm run new -- party-stats YYYY-MM …');
    const month = monthOption('month', given);
    const earlier = ctx.corpus['party-stats']
      .filter((s) => s.id < month)
      .sort((a, b) => a.id.localeCompare(b.id))
      .at(-1);
    const counts: Record<string, number> = {};
    const copied: string[] = [];
    for (const c of COUNT_OPTIONS) {
      const n = wholeNumber(values, c.name) ?? earlier?.data.counts[c.category];
      if (n === undefined)
        throw new EditError(`missing --${c.name} <n> (there is no earlier month to copy it from)`);
      if (wholeNumber(values, c.name) === undefined) copied.push(c.category);
      counts[c.category] = n;
    }
    return {
      file: `content/party-stats/${month}.yaml`,
      text: renderYaml({
        month,
        counts,
        accessions: wholeNumber(values, 'accessions'),
        withdrawals: wholeNumber(values, 'withdrawals'),
        expulsions: wholeNumber(values, 'expulsions'),
        panelEmploymentChanges: wholeNumber(values, 'panel-employment-changes'),
      }),
      notes: copied.length && earlier ? [`Copied from ${earlier.id}, check them: ${copied.join(', ')}.`] : [],
    };
  },
};

const body: Kind = {
  summary: 'a body: a Sub-Committee, a Working Group… (content/bodies/<id>.yaml)',
  spec: {
    usage: 'npm run new -- body',
    description: ['Adds a body that meets under the SEC: content/bodies/<id>.yaml.'],
    options: [
      {
        name: 'id',
        value: 'id',
        required: true,
        help: 'its id, lower case with hyphens: change-sub-committee',
      },
      { name: 'name', value: 'text', required: true, help: 'its full name' },
      { name: 'short-name', value: 'text', required: true, help: 'the name readers use, e.g. TABASC' },
      { name: 'description', value: 'text', required: true, help: 'what it does, in a sentence or two' },
      { name: 'standing', help: 'report its meetings in every newsletter' },
      { name: 'order', value: 'n', help: 'its position in lists of bodies, lowest first (default 100)' },
    ],
    examples: [
      'npm run new -- body --id change-sub-committee --name "Change Sub-Committee" --short-name "Change Sub-Committee" --description "…"',
    ],
  },
  build(values) {
    const id = str(values, 'id')!;
    if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id))
      throw new EditError(
        `--id “${id}” must be lower-case letters, digits and single hyphens, e.g. ${slugify(id)}`,
      );
    return {
      file: `content/bodies/${id}.yaml`,
      text: renderYaml({
        name: str(values, 'name'),
        shortName: str(values, 'short-name'),
        description: str(values, 'description'),
        standing: values.standing ? true : undefined,
        order: wholeNumber(values, 'order'),
      }),
      notes: [],
    };
  },
};

const page: Kind = {
  summary: 'an editorial page in MDX (content/pages/<slug>.mdx)',
  spec: {
    usage: 'npm run new -- page',
    description: ['Adds an editorial page: content/pages/<slug>.mdx, published at /<slug>/.'],
    options: [
      {
        name: 'slug',
        value: 'name',
        required: true,
        help: 'its address: lower-case letters, digits and hyphens',
      },
      { name: 'title', value: 'text', required: true, help: 'the page title' },
      {
        name: 'description',
        value: 'text',
        required: true,
        help: 'one sentence for search results and link previews',
      },
    ],
    examples: [
      'npm run new -- page --slug contact --title "Contact SECAS" --description "How to reach the SECAS team."',
    ],
  },
  build(values) {
    const slug = slugOption(str(values, 'slug')!);
    return {
      file: `content/pages/${slug}.mdx`,
      text: renderFile({ title: str(values, 'title'), description: str(values, 'description') }),
      notes: ['Write the page in Markdown below the front matter (after the second --- line).'],
    };
  },
};

export const KINDS: Record<string, Kind> = {
  modification,
  meeting,
  news,
  consultation,
  designation,
  newsletter,
  'party-stats': partyStats,
  body,
  page,
};

/** `npm run new -- --help`. */
export function kindsHelp(): string {
  const width = Math.max(...Object.keys(KINDS).map((k) => k.length)) + 2;
  return [
    'Usage: npm run new -- <kind> [options]',
    '',
    'Adds a new content file, valid from the start, and prints its path. It never overwrites',
    'a file, and writes nothing if what it would write is not valid.',
    '',
    'Kinds:',
    ...Object.entries(KINDS).map(([k, v]) => `  ${k.padEnd(width)}${v.summary}`),
    '',
    'Help on a kind: npm run new -- <kind> --help',
    'Record what happens to a modification: npm run record -- --help',
  ].join('\n');
}
