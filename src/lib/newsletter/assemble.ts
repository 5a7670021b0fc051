/**
 * Assembles one month's issue model from the content. Pure: the same corpus, month and
 * options always give the same issue.
 *
 * Sections, in order, each left out when empty: editorial (always), “Also in this edition”,
 * SEC governance, Change update, Information and consultations. Each section's items follow
 * the newsletter file's `sections.<id>.exclude` and `.order`.
 */
import { NEWSLETTER_SECTIONS } from '../../schemas/newsletter.ts';
import type { Corpus } from '../corpus.ts';
import type { IsoMonth } from '../dates.ts';
import { type AssembleOptions, issueContext, newsletterUrl } from './context.ts';
import { Arranger, unmatchedKeys } from './keys.ts';
import type { ContentSection, Issue, Section, SectionId } from './model.ts';
import { changeSection } from './sections/change.ts';
import { contentsSection } from './sections/contents.ts';
import { editorialSection } from './sections/editorial.ts';
import { governanceSection } from './sections/governance.ts';
import { informationSection } from './sections/information.ts';

export type { AssembleOptions } from './context.ts';

/** A key in the newsletter file's `sections` that matches no item of the issue. */
export interface UnmatchedKey {
  section: SectionId;
  field: 'exclude' | 'order';
  index: number;
  key: string;
  /** The keys the section does have, for suggestions. */
  known: string[];
}

export interface AssembledIssue {
  issue: Issue;
  unmatched: UnmatchedKey[];
}

/** Months that have a newsletter file, oldest first. */
export function issueMonths(corpus: Corpus): IsoMonth[] {
  return corpus.newsletters.map((n) => n.id).sort();
}

/** Assembles an issue and reports the editor's keys that matched nothing. */
export function assembleIssueWithReport(
  corpus: Corpus,
  month: IsoMonth,
  options: AssembleOptions,
): AssembledIssue {
  const newsletter = corpus.newsletters.find((n) => n.id === month);
  if (!newsletter) {
    const months = issueMonths(corpus);
    throw new Error(
      `there is no newsletter for ${month}: add content/newsletters/${month}.md${months.length ? ` (newsletters: ${months.join(', ')})` : ''}`,
    );
  }
  const ctx = issueContext(corpus, newsletter, options);
  const arrangers = Object.fromEntries(
    NEWSLETTER_SECTIONS.map((id) => [id, new Arranger(newsletter.data.sections[id])]),
  ) as Record<SectionId, Arranger>;

  const editorial = editorialSection(ctx, arrangers.editorial);
  const content: ContentSection[] = [
    governanceSection(ctx, arrangers.governance),
    changeSection(ctx, arrangers.change),
    informationSection(ctx, arrangers.information),
  ].filter((s): s is ContentSection => s !== undefined);
  const contents = contentsSection(ctx, arrangers.contents, content);
  const sections: Section[] = [editorial, ...(contents ? [contents] : []), ...content];

  const unmatched = NEWSLETTER_SECTIONS.flatMap((section) =>
    unmatchedKeys(newsletter.data.sections[section], arrangers[section].seen).map((u) => ({
      section,
      ...u,
      known: [...arrangers[section].seen],
    })),
  );
  return {
    issue: {
      month,
      title: newsletter.data.title,
      preheader: newsletter.data.preheader,
      issueDate: newsletter.data.issueDate,
      path: newsletterUrl(month),
      source: newsletter.filePath ?? `content/newsletters/${month}.md`,
      sections,
    },
    unmatched,
  };
}

/** The issue model of a month. Throws if the month has no newsletter file. */
export function assembleIssue(corpus: Corpus, month: IsoMonth, options: AssembleOptions): Issue {
  return assembleIssueWithReport(corpus, month, options).issue;
}

/** Whether an issue carries anything beyond its introduction: a featured item or a section. */
export function hasContent(issue: Issue): boolean {
  return issue.sections.some(
    (s) =>
      (s.kind === 'editorial' && s.featured.length > 0) ||
      s.kind === 'governance' ||
      s.kind === 'change' ||
      s.kind === 'information',
  );
}
