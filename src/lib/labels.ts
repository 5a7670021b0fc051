/** The words readers see for the SEC's fixed vocabularies (see docs/CONTEXT.md). */
import type { EventType, ImpactedParty, Issuer, ModificationPath, NewsCategory } from '../schemas/index.ts';
import type { ProcessStep, Stage } from './stage.ts';

export const STAGE_LABELS: Record<Stage, string> = {
  development: 'Development Stage',
  refinement: 'Refinement Process',
  'report-phase': 'Report Phase',
  'change-board': 'Change Board',
  'with-authority': 'With the Authority',
  approved: 'Approved',
  implemented: 'Implemented',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
};

/** Shown where no recorded event sets a stage. */
export const UNKNOWN_STAGE_LABEL = 'Not recorded';

export const STEP_LABELS: Record<ProcessStep, string> = {
  development: 'Development',
  refinement: 'Refinement',
  'report-phase': 'Report Phase',
  decision: 'Decision',
  implemented: 'Implemented',
};

export const PATH_LABELS: Record<ModificationPath, string> = {
  'self-governance': 'Self-Governance',
  'authority-determined': 'Authority Determined',
  'fast-track': 'Fast-Track',
};

export const PARTY_LABELS: Record<ImpactedParty, string> = {
  'large-suppliers': 'Large Suppliers',
  'small-suppliers': 'Small Suppliers',
  'electricity-networks': 'Electricity Networks',
  'gas-networks': 'Gas Networks',
  'other-sec-parties': 'Other SEC Parties',
  dcc: 'DCC',
};

export const ISSUER_LABELS: Record<Issuer, string> = {
  secas: 'SECAS',
  dcc: 'DCC',
  beis: 'BEIS',
  ofgem: 'Ofgem',
  elexon: 'ELEXON',
  other: 'Other',
};

export const NEWS_CATEGORY_LABELS: Record<NewsCategory, string> = {
  governance: 'SEC governance',
  change: 'Change',
  security: 'Security',
  events: 'Events',
  reminder: 'Reminder',
  dcc: 'DCC',
  newsletter: 'Newsletter',
  general: 'General',
};

/** How an event reads in a timeline; outcome-specific wording where there is one. */
export const EVENT_LABELS: Record<EventType, string> = {
  raised: 'Modification Proposal raised',
  'imr-presented': 'Initial Modification Report (IMR) presented to the Panel',
  'refinement-started': 'Sent to the Refinement Process',
  'dmr-presented': 'Draft Modification Report (DMR) presented to the Panel',
  'decision-deferred': 'Decision deferred by the Panel',
  'fmr-issued': 'Final Modification Report (FMR) issued to the Change Board',
  'change-board-vote': 'Change Board vote',
  'referral-period-ends': 'Referral period ends',
  'sent-to-authority': 'Final Modification Report sent to the Authority',
  'authority-decision': 'Authority decision',
  withdrawn: 'Withdrawn by the Proposer',
  'adoption-window-closes': 'Window for a SEC Party to adopt it closes',
  adopted: 'Adopted by another SEC Party',
  implemented: 'Implemented',
  note: 'Note',
};

export const OUTCOME_LABELS: Record<string, string> = {
  refinement: 'sent to the Refinement Process',
  'report-phase': 'sent to the Report Phase',
  approved: 'approved',
  rejected: 'rejected',
  'recommended-approval': 'recommended approval to the Authority',
  'recommended-rejection': 'recommended rejection to the Authority',
  'returned-to-panel': 'returned to the Panel',
  'sent-back': 'sent back for further work',
};
