/**
 * The editorial: the introduction (the newsletter file's Markdown body), its signature,
 * and the featured items in the order the editor listed them.
 */
import { modificationUrl } from '../../site/urls.ts';
import { type IssueContext, markdown, newsItem, optionalMarkdown } from '../context.ts';
import { type Arranger, modificationKey } from '../keys.ts';
import type { EditorialSection, FeaturedItem } from '../model.ts';

export function editorialSection(ctx: IssueContext, arranger: Arranger): EditorialSection {
  const { data, body } = ctx.newsletter;
  const featured: FeaturedItem[] = [];
  for (const f of data.featured) {
    if ('news' in f) {
      const entry = ctx.news.get(f.news.id);
      if (entry) featured.push(newsItem(ctx, entry));
    } else {
      const entry = ctx.modifications.get(f.modification.id);
      if (!entry) continue;
      featured.push({
        kind: 'modification',
        key: modificationKey(entry.id),
        id: entry.id,
        title: `${entry.id} ‘${entry.data.title}’`,
        body: markdown(entry.body?.trim() ?? ''),
        path: modificationUrl(entry.id),
        implementationDate: entry.data.implementationDate,
      });
    }
  }
  return {
    kind: 'editorial',
    id: 'editorial',
    title: 'Introduction',
    note: optionalMarkdown(data.sections.editorial.note),
    intro: markdown(body?.trim() ?? ''),
    signature: { name: data.signedBy.name, role: data.signedBy.role },
    featured: arranger.arrange(featured),
  };
}
