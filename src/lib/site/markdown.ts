/**
 * Short Markdown from front matter (event summaries, consultation conclusions) to HTML, on
 * the same terms as Markdown bodies: GFM, raw HTML parsed and then sanitised with the
 * shared schema.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { sanitizeSchema } from '../markdown/sanitize.ts';

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkRehype, { allowDangerousHtml: true })
  .use(rehypeRaw)
  .use(rehypeSanitize, sanitizeSchema)
  .use(rehypeStringify);

/** Markdown to sanitised HTML. */
export function markdownToHtml(markdown: string): string {
  return String(processor.processSync(markdown));
}

/** Markdown of one paragraph to sanitised inline HTML (no wrapping `<p>`). */
export function inlineMarkdownToHtml(markdown: string): string {
  const html = markdownToHtml(markdown).trim();
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return m && !m[1]!.includes('<p>') ? m[1]! : html;
}
