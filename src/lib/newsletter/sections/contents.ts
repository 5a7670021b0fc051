/** “Also in this edition”: the sections that follow, each with the topics of its blocks. */
import { optionalMarkdown, type IssueContext } from '../context.ts';
import type { Arranger } from '../keys.ts';
import type { ContentSection, ContentsSection } from '../model.ts';

export function contentsSection(
  ctx: IssueContext,
  arranger: Arranger,
  sections: readonly ContentSection[],
): ContentsSection | undefined {
  const entries = arranger.arrange(
    sections.map((s) => ({
      key: s.id,
      section: s.id,
      title: s.title,
      topics: [...new Set(s.blocks.map((b) => b.topic))],
    })),
  );
  if (entries.length === 0) return undefined;
  return {
    kind: 'contents',
    id: 'contents',
    title: 'Also in this edition',
    note: optionalMarkdown(ctx.newsletter.data.sections.contents.note),
    entries: entries.map(({ section, title, topics }) => ({ section, title, topics })),
  };
}
