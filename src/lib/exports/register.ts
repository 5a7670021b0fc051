/**
 * The Modifications Register as data: one record per modification with stable field names,
 * shared by `register.json`, `register.csv` and `register.xlsx`. The fields are documented in
 * docs/register-data.md; add fields, never rename or remove them.
 */
import type { ImpactedParty, ModificationPath } from '../../schemas/index.ts';
import { PARTY_LABELS, PATH_LABELS, STAGE_LABELS, UNKNOWN_STAGE_LABEL } from '../labels.ts';
import type { RegisterRow } from '../register.ts';
import { keyDateLabel } from '../site/modification.ts';
import { absoluteUrl, modificationUrl } from '../site/urls.ts';
import type { Stage } from '../stage.ts';

export interface RegisterRecord {
  id: string;
  title: string;
  url: string;
  stage: Stage | null;
  stageLabel: string;
  path: ModificationPath | null;
  pathLabel: string | null;
  proposer: string | null;
  raised: string | null;
  nextKeyDate: string | null;
  nextKeyDateEvent: string | null;
  targetRelease: string | null;
  implementationDate: string | null;
  partiesImpacted: ImpactedParty[] | null;
  partiesImpactedLabels: string[] | null;
  dccImpact: boolean | null;
}

export type FieldType = 'string' | 'date' | 'boolean' | 'string[]' | 'url';

export interface FieldDoc {
  name: keyof RegisterRecord;
  /** Column heading in the spreadsheet. */
  heading: string;
  type: FieldType;
  description: string;
}

/** Every field, in column order. The single source for the exports and their documentation. */
export const REGISTER_FIELDS: readonly FieldDoc[] = [
  { name: 'id', heading: 'ID', type: 'string', description: 'Modification Proposal id, e.g. `SECMP0049`.' },
  { name: 'title', heading: 'Title', type: 'string', description: 'Title as raised.' },
  { name: 'url', heading: 'Web page', type: 'url', description: "Absolute URL of the modification's page." },
  {
    name: 'stage',
    heading: 'Stage code',
    type: 'string',
    description:
      'Derived stage: `development`, `refinement`, `report-phase`, `change-board`, `with-authority`, `approved`, `implemented`, `rejected` or `withdrawn`; null when no recorded event sets one.',
  },
  {
    name: 'stageLabel',
    heading: 'Stage',
    type: 'string',
    description: 'The stage in words, e.g. `Report Phase`; `Not recorded` when unknown.',
  },
  {
    name: 'path',
    heading: 'Path code',
    type: 'string',
    description: '`self-governance`, `authority-determined` or `fast-track`; null until decided.',
  },
  {
    name: 'pathLabel',
    heading: 'Path',
    type: 'string',
    description: 'The path in words, e.g. `Authority Determined`.',
  },
  {
    name: 'proposer',
    heading: 'Proposer',
    type: 'string',
    description: 'Who raised it; null when not recorded.',
  },
  {
    name: 'raised',
    heading: 'Date raised',
    type: 'date',
    description:
      'When it was raised: `YYYY-MM-DD`, or `YYYY-MM` where only the month is recorded; null when not recorded.',
  },
  {
    name: 'nextKeyDate',
    heading: 'Next key date',
    type: 'date',
    description:
      'The next date that matters after the as-of date: `YYYY-MM-DD` or `YYYY-MM-DDTHH:MM` (Europe/London wall time); null when none.',
  },
  {
    name: 'nextKeyDateEvent',
    heading: 'What happens then',
    type: 'string',
    description: 'What happens on the next key date, in words, e.g. `Referral period ends`.',
  },
  {
    name: 'targetRelease',
    heading: 'Target release',
    type: 'string',
    description: 'The SEC release it is aimed at; null when not set.',
  },
  {
    name: 'implementationDate',
    heading: 'Implementation date',
    type: 'date',
    description: 'When it is, or was, to be implemented, `YYYY-MM-DD`; null when unknown.',
  },
  {
    name: 'partiesImpacted',
    heading: 'Parties impacted (codes)',
    type: 'string[]',
    description:
      'SEC Party Categories impacted, plus `dcc`: `large-suppliers`, `small-suppliers`, `electricity-networks`, `gas-networks`, `other-sec-parties`, `dcc`; null until assessed.',
  },
  {
    name: 'partiesImpactedLabels',
    heading: 'Parties impacted',
    type: 'string[]',
    description: 'The same in words.',
  },
  {
    name: 'dccImpact',
    heading: 'DCC impact',
    type: 'boolean',
    description: 'Whether it needs changes to DCC systems; null until assessed.',
  },
];

/** Register rows as records, with absolute page URLs on the configured site. */
export function registerRecords(rows: readonly RegisterRow[], siteUrl: string): RegisterRecord[] {
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    url: absoluteUrl(siteUrl, modificationUrl(r.id)),
    stage: r.stage ?? null,
    stageLabel: r.stage ? STAGE_LABELS[r.stage] : UNKNOWN_STAGE_LABEL,
    path: r.path ?? null,
    pathLabel: r.path ? PATH_LABELS[r.path] : null,
    proposer: r.proposer ?? null,
    raised: r.raised ?? null,
    nextKeyDate: r.nextKeyDate?.date ?? null,
    nextKeyDateEvent: r.nextKeyDate ? keyDateLabel(r.nextKeyDate) : null,
    targetRelease: r.targetRelease ?? null,
    implementationDate: r.implementationDate ?? null,
    partiesImpacted: r.parties ? [...r.parties] : null,
    partiesImpactedLabels: r.parties ? r.parties.map((p) => PARTY_LABELS[p]) : null,
    dccImpact: r.dccImpact ?? null,
  }));
}
