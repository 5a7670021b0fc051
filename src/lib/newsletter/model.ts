/**
 * The issue model: one month's newsletter as typed, medium-neutral data. The email
 * (`render/`) and the web version (`src/pages/newsletters/[month].astro`) both render it.
 *
 * Nothing here is formatted for a medium: dates stay ISO strings in the precisions of
 * `src/lib/dates.ts`, prose stays Markdown (`{ markdown }`), links are site paths
 * (`/modifications/secmp0049/`) or the absolute URLs content gave. Every item an editor can
 * exclude or reorder carries a `key` (see `keys.ts`).
 */
import type { ModificationPath, NewsCategory } from '../../schemas/index.ts';
import type { IsoDate, IsoMonth, When } from '../dates.ts';

/** Markdown written by an editor, unrendered. */
export interface Markdown {
  markdown: string;
}

/** A modification as a list item names it: “SECMP0049 ‘Section D Review: …’”. */
export interface ModificationRef {
  id: string;
  title: string;
  /** Site path of its page. */
  path: string;
}

/** A published document. Without a `url` of its own it is reached through `path`, the page that lists it. */
export interface DocumentRef {
  type: string;
  title: string;
  date?: When | undefined;
  /** Absolute URL given in content. */
  url?: string | undefined;
  /** Site path of the page that lists it, when it has no URL. */
  path?: string | undefined;
}

/** A meeting, held or scheduled. */
export interface MeetingRef {
  key: string;
  id: string;
  /** “TAG meeting 46”, or the meeting's own title (“Modifications Question Hour”). */
  title: string;
  date: When;
  end?: When | undefined;
  location?: string | undefined;
  body: { id: string; name: string; shortName: string };
  /** Site path of the meeting's page. */
  path: string;
}

/** A meeting held in the month, with what it discussed. */
export interface HeldMeeting extends MeetingRef {
  /** The meeting's headlines. */
  headlines?: Markdown | undefined;
  documents: DocumentRef[];
}

/** A news item, in full. */
export interface NewsItem {
  kind: 'news';
  key: string;
  id: string;
  title: string;
  date: IsoDate;
  category: NewsCategory;
  summary?: string | undefined;
  body: Markdown;
  path: string;
  documents: DocumentRef[];
  /** Scheduled meetings it announces (the seminar of a news item about it). */
  events: MeetingRef[];
}

/** A modification the editor leads with. */
export interface FeaturedModification {
  kind: 'modification';
  key: string;
  id: string;
  title: string;
  body: Markdown;
  path: string;
  implementationDate?: IsoDate | undefined;
}

export type FeaturedItem = NewsItem | FeaturedModification;

/** Options the editor gives a section in the newsletter file. */
export interface SectionBase {
  /** The editor's note for the section, shown after its heading. */
  note?: Markdown | undefined;
}

// ── 1. Editorial ───────────────────────────────────────────────────────────────

export interface EditorialSection extends SectionBase {
  kind: 'editorial';
  id: 'editorial';
  title: string;
  /** The editorial introduction. */
  intro: Markdown;
  signature: { name: string; role: string };
  featured: FeaturedItem[];
}

// ── 2. Contents ────────────────────────────────────────────────────────────────

export interface ContentsEntry {
  /** The section listed. */
  section: ContentSection['id'];
  title: string;
  /** The topics of its blocks, in order. */
  topics: string[];
}

export interface ContentsSection extends SectionBase {
  kind: 'contents';
  id: 'contents';
  title: string;
  entries: ContentsEntry[];
}

// ── Blocks of the three content sections ───────────────────────────────────────

interface BlockBase {
  key: string;
  /** Heading of the block. */
  title: string;
  /** Its name in the table of contents. */
  topic: string;
}

/** A news item as a block of its own. */
export interface NewsBlock extends BlockBase {
  kind: 'news';
  item: NewsItem;
}

/** A standing body's month: meetings held, news attached, its next meeting. */
export interface BodyBlock extends BlockBase {
  kind: 'body';
  body: { id: string; name: string; shortName: string; path: string };
  meetings: HeldMeeting[];
  /** News items about its meetings of the month, after them. */
  news: NewsItem[];
  /** Its first meeting after the issue date. */
  next?: MeetingRef | undefined;
}

/** A modification in a list of the Change update. */
export interface ChangeItem {
  key: string;
  modification: ModificationRef;
  /** The event's summary, when it differs from the group's. */
  summary?: Markdown | undefined;
}

/** Reports of one kind presented to the Panel at one meeting (or on one day, outside a meeting). */
interface ReportGroupBase {
  key: string;
  /** The Panel meeting; absent when the events name none. */
  meeting?: MeetingRef | undefined;
  date: When;
  items: ChangeItem[];
  /** The summary all its events share. */
  summary?: Markdown | undefined;
}

/** IMRs presented, grouped by the Panel's decision. */
export interface ImrGroup extends ReportGroupBase {
  kind: 'imrs';
  /** Where the Panel sent them: `refinement` or `report-phase`; absent if not recorded. */
  outcome?: string | undefined;
}

/** A DMR presented, with the Modification Report Consultation it went to. */
export interface DmrItem extends ChangeItem {
  consultation?: { key: string; title: string; closes: When; path: string } | undefined;
}

export interface DmrGroup extends ReportGroupBase {
  kind: 'dmrs';
  items: DmrItem[];
}

/** Modifications the Panel held back from a decision (`decision-deferred`). */
export interface DeferredGroup extends ReportGroupBase {
  kind: 'deferred';
}

export type ReportGroup = ImrGroup | DmrGroup | DeferredGroup;

/** Modification Reports presented to the Panel in the month: IMRs, DMRs, decisions deferred. */
export interface ReportsBlock extends BlockBase {
  kind: 'reports';
  groups: ReportGroup[];
}

/** A consultation in a list. */
export interface ConsultationItem {
  key: string;
  id: string;
  title: string;
  issuer?: string | undefined;
  opens?: When | undefined;
  closes: When;
  briefing?: IsoDate | undefined;
  summary: Markdown;
  body?: Markdown | undefined;
  conclusion?: Markdown | undefined;
  modifications: ModificationRef[];
  /** Where to read and answer it, when content gives one. */
  url?: string | undefined;
  path: string;
}

export type ConsultationListKind =
  | 'modification-report-consultations'
  | 'short-deadline'
  | 'dcc-consultations'
  | 'other-consultations'
  | 'conclusions';

export interface ConsultationsBlock extends BlockBase {
  kind: ConsultationListKind;
  items: ConsultationItem[];
}

export interface WithdrawnItem extends ChangeItem {
  withdrawn: When;
  /** When the window for a SEC Party to adopt it closes. */
  adoptionWindowCloses?: When | undefined;
}

export interface WithdrawnBlock extends BlockBase {
  kind: 'withdrawn';
  items: WithdrawnItem[];
  /** SECAS, for SEC Parties wishing to adopt one. */
  contact: { email: string; phone: string };
}

export interface VoteItem extends ChangeItem {
  /** The solution voted on, where the report offered an alternative. */
  solution?: 'proposed' | 'alternative' | undefined;
  /** When its referral period ends, if it differs from the group's. */
  referralPeriodEnds?: When | undefined;
  implementationDate?: IsoDate | undefined;
  /** When its Final Modification Report went to the Authority, and what was said of it. */
  sentToAuthority?: { date: When; summary?: Markdown | undefined } | undefined;
}

/** The Change Board's votes of one meeting with one outcome, on one path. */
export interface VoteGroup {
  key: string;
  outcome: string;
  path?: ModificationPath | undefined;
  meeting?: MeetingRef | undefined;
  date: When;
  items: VoteItem[];
  summary?: Markdown | undefined;
  /** The referral period's end all its modifications share. */
  referralPeriodEnds?: When | undefined;
  /** The implementation date all its modifications share. */
  implementationDate?: IsoDate | undefined;
}

/** The Change Board's votes of the month, by meeting, outcome and path. */
export interface VotesBlock extends BlockBase {
  kind: 'votes';
  groups: VoteGroup[];
}

export interface DesignationsBlock extends BlockBase {
  kind: 'designations';
  items: { key: string; version: string; date: IsoDate; modifications: ModificationRef[]; path: string }[];
}

/** Where to download the Modifications Register. */
export interface RegisterBlock extends BlockBase {
  kind: 'register';
  page: string;
  xlsx: string;
  csv: string;
}

export interface QuestionHourBlock extends BlockBase {
  kind: 'question-hour';
  meeting: MeetingRef;
}

/** The SEC Parties and accessions table. */
export interface PartyStatsBlock extends BlockBase {
  kind: 'party-stats';
  month: IsoMonth;
  /** The total of `counts`. */
  total: number;
  counts: { category: string; label: string; count: number }[];
  /** The movements since the previous statistics, in the table's order. */
  changes: { field: string; label: string; count: number }[];
  path: string;
}

/** Meetings of standing bodies in the weeks after the issue date. */
export interface CalendarBlock extends BlockBase {
  kind: 'calendar';
  from: IsoDate;
  to: IsoDate;
  items: MeetingRef[];
  path: string;
}

export type GovernanceBlock = NewsBlock | BodyBlock;
export type ChangeBlock =
  | NewsBlock
  | ReportsBlock
  | ConsultationsBlock
  | WithdrawnBlock
  | VotesBlock
  | DesignationsBlock
  | RegisterBlock
  | QuestionHourBlock;
export type InformationBlock = NewsBlock | ConsultationsBlock | PartyStatsBlock | CalendarBlock;
export type Block = GovernanceBlock | ChangeBlock | InformationBlock;

export interface GovernanceSection extends SectionBase {
  kind: 'governance';
  id: 'governance';
  title: string;
  blocks: GovernanceBlock[];
}

export interface ChangeSection extends SectionBase {
  kind: 'change';
  id: 'change';
  title: string;
  blocks: ChangeBlock[];
}

export interface InformationSection extends SectionBase {
  kind: 'information';
  id: 'information';
  title: string;
  blocks: InformationBlock[];
}

export type ContentSection = GovernanceSection | ChangeSection | InformationSection;
export type Section = EditorialSection | ContentsSection | ContentSection;
export type SectionId = Section['id'];

/** One month's newsletter. */
export interface Issue {
  /** `2018-08`: also the id of its newsletter file. */
  month: IsoMonth;
  /** Title and email subject. */
  title: string;
  preheader: string;
  /** The day it is sent; “upcoming” and “open” are as of this day. */
  issueDate: IsoDate;
  /** Site path of the web version: `/newsletters/2018-08/`. */
  path: string;
  /** The newsletter file it came from. */
  source: string;
  /** Present sections, in order; empty ones are left out. */
  sections: Section[];
}
