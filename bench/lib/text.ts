/**
 * Synthetic Markdown bodies for the benchmark corpus, sized by kind (see BODY_BYTES), shaped like what SECAS
 * publishes (headings, paragraphs, bullet lists with bold lead-ins, GFM tables, absolute
 * links). The words are made up from a small SEC vocabulary; no fact in them is real.
 */
import type { Random } from './random.ts';

export const SITE = 'https://sec-press.example';

const SUBJECTS = [
  'The Panel',
  'The Change Board',
  'The Working Group',
  'SECAS',
  'The DCC',
  'The Proposer',
  'The Security Sub-Committee',
  'The Operations Group',
  'TABASC',
  'The Technical Architecture and Business Architecture Sub-Committee',
  'Respondents',
  'Several Large Suppliers',
  'Small Suppliers',
  'Network Parties',
  'The SMKI Policy Management Authority',
];
const VERBS = [
  'considered',
  'agreed',
  'noted',
  'reviewed',
  'asked SECAS to revisit',
  'supported',
  'raised concerns about',
  'recommended changes to',
  'discussed',
  'approved',
  'set out the case for',
  'requested further analysis of',
];
const OBJECTS = [
  'the legal text for Section H',
  'the impact on Users of the Smart Metering Inventory',
  'the business case for the proposed solution',
  'the DCC Preliminary Assessment',
  'the timetable for the Report Phase',
  'the costs of the alternative solution',
  'the draft Modification Report',
  'the responses to the Refinement Consultation',
  'the interaction with the SMETS1 enrolment programme',
  'the Release Management Policy',
  'the Threshold Anomaly Detection procedures',
  'the testing approach for the next SEC Release',
  'the Incentive Scheme milestones',
  'the reporting of Service Requests',
  'the Security Controls Framework',
  'the Certificate Policy for the Device Certificates',
  'the User Entry Process Tests',
  'changes to the Communications Hub Support Materials',
];
const QUALIFIERS = [
  'before the next meeting',
  'in the light of the consultation responses',
  'subject to the DCC confirming its costs',
  'for the November SEC Release',
  'as part of the Refinement Process',
  'at the request of the Proposer',
  'so that Parties can plan their testing',
  'ahead of the Change Board vote',
  'with no impact on Consumers',
  'once the Authority has decided',
  'to reduce the burden on Small Suppliers',
  'in line with the SEC Objectives',
];
const CONNECTORS = [
  'In addition,',
  'However,',
  'As a result,',
  'Separately,',
  'In response,',
  'Following this,',
];
const LEADS = [
  'Costs',
  'Timetable',
  'Legal text',
  'Impacts',
  'Testing',
  'Consultation',
  'Next steps',
  'Security',
  'Release',
  'Reporting',
  'Risks',
  'Benefits',
];
const HEADINGS = [
  'Background',
  'What happens next',
  'Impact on SEC Parties',
  'Costs and implementation',
  'Views received',
  'Key dates',
  'Decisions and actions',
  'Further information',
  'Assessment against the SEC Objectives',
  'How to respond',
];
const PARTY_ROWS = [
  'Large Suppliers',
  'Small Suppliers',
  'Electricity Networks',
  'Gas Networks',
  'Other SEC Parties',
  'DCC',
];
const IMPACT_WORDS = ['None', 'Low', 'Medium', 'High', 'To be assessed'];
const LINK_PATHS = [
  ['the Modifications Register', '/modifications/'],
  ['the meetings calendar', '/meetings/'],
  ['the latest news', '/news/'],
  ['open consultations', '/consultations/'],
  ['the SEC designations', '/designations/'],
  ['the newsletter archive', '/newsletters/'],
  ['the Modification Process', '/modifications/process/'],
  ['About the SEC', '/about/'],
] as const;

export function sentence(r: Random): string {
  const s = `${r.pick(SUBJECTS)} ${r.pick(VERBS)} ${r.pick(OBJECTS)}`;
  return r.chance(0.6) ? `${s} ${r.pick(QUALIFIERS)}.` : `${s}.`;
}

export function paragraph(r: Random, sentences = r.int(3, 5)): string {
  const out: string[] = [];
  for (let i = 0; i < sentences; i++) {
    const s = sentence(r);
    out.push(i > 0 && r.chance(0.25) ? `${r.pick(CONNECTORS)} ${s.replace(/^The /, 'the ')}` : s);
  }
  return wrap(out.join(' '));
}

/** Wraps prose at about 96 columns, as the example content is written. */
function wrap(text: string, width = 96): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function link(r: Random): string {
  const [label, href] = r.pick(LINK_PATHS);
  return `[${label}](${SITE}${href})`;
}

function bulletList(r: Random, items = r.int(3, 5)): string {
  const leads = r.sample(LEADS, items);
  return leads
    .map((lead) => {
      const body = wrap(`**${lead}.** ${sentence(r)}${r.chance(0.3) ? ` See ${link(r)}.` : ''}`, 94);
      return `- ${body.replace(/\n/g, '\n  ')}`;
    })
    .join('\n');
}

function orderedList(r: Random, items = r.int(3, 4)): string {
  const out: string[] = [];
  for (let i = 1; i <= items; i++) out.push(`${i}. ${sentence(r)}`);
  return out.join('\n');
}

function impactTable(r: Random): string {
  const rows = r.sample(PARTY_ROWS, r.int(3, 5));
  const lines = ['| Party category | Impact | Comment |', '| --- | --- | --- |'];
  for (const p of rows) {
    lines.push(`| ${p} | ${r.pick(IMPACT_WORDS)} | ${r.pick(OBJECTS).replace(/^the /, 'The ')} |`);
  }
  return lines.join('\n');
}

function datesTable(r: Random, year: number): string {
  const steps = [
    'Initial Modification Report',
    'Refinement Consultation',
    'Draft Modification Report',
    'Modification Report Consultation',
    'Change Board vote',
    'Implementation',
  ];
  const lines = ['| Step | Date |', '| --- | --- |'];
  let month = r.int(0, 5);
  for (const step of steps.slice(0, r.int(3, steps.length))) {
    month += r.int(1, 2);
    lines.push(`| ${step} | ${r.int(1, 28)} ${MONTHS[month % 12]} ${year + Math.floor(month / 12)} |`);
  }
  return lines.join('\n');
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export type BodyKind = 'modification' | 'meeting' | 'news' | 'consultation' | 'designation' | 'newsletter';

const OPENING: Record<BodyKind, string[]> = {
  modification: ['What is the issue?', 'What is the solution?'],
  meeting: [],
  news: [],
  consultation: ['What is proposed'],
  designation: ['What this version delivers'],
  newsletter: [],
};

/**
 * How long a body is, by kind, as on a code administrator's site: a modification's page is the
 * longest (issue, solution, impacts, timetable), a news article runs to about 2 KB, a
 * meeting's headlines, a consultation's summary and a designation's notes are shorter. Over
 * the corpus's mix that averages about 1.6 KB a body, and a synthetic month's newsletter comes
 * out near the size of the real August 2018 one.
 */
export const BODY_BYTES: Record<BodyKind, readonly [number, number]> = {
  modification: [3000, 4400],
  news: [1300, 2000],
  newsletter: [900, 1400],
  consultation: [700, 1100],
  designation: [1000, 1600],
  meeting: [500, 900],
};

export function targetBytes(r: Random, kind: BodyKind): number {
  return r.int(...BODY_BYTES[kind]);
}

/**
 * A Markdown body of about `target` bytes (UTF-8), never much more: blocks are added in a
 * kind-specific order until the target is reached.
 */
export function markdownBody(r: Random, kind: BodyKind, year: number, target = targetBytes(r, kind)): string {
  const blocks: string[] = [];
  const size = () => Buffer.byteLength(blocks.join('\n\n'));
  if (kind === 'meeting') blocks.push(bulletList(r, r.int(4, 6)));
  else blocks.push(paragraph(r));
  for (const h of OPENING[kind]) {
    if (size() >= target) break;
    blocks.push(`## ${h}`, paragraph(r));
  }
  const extras = [
    () => [`## ${r.pick(HEADINGS)}`, paragraph(r)],
    () => [bulletList(r)],
    () => [impactTable(r)],
    () => [`### ${r.pick(HEADINGS)}`, orderedList(r)],
    () => [datesTable(r, year)],
    () => [
      wrap(
        `${sentence(r)} More on ${link(r)}, or write to [the SECAS team](mailto:secas@sec-press.example).`,
      ),
    ],
  ];
  let i = r.int(0, extras.length - 1);
  while (size() < target) {
    blocks.push(...extras[i % extras.length]!());
    i += r.int(1, 2);
  }
  return `${blocks.join('\n\n')}\n`;
}
