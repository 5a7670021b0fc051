/**
 * Short Markdown from front matter (event summaries, consultation conclusions) to HTML, on
 * the same terms as Markdown bodies: Sätteri with GFM and smart punctuation, raw HTML parsed
 * and then sanitised with the shared schema (`markdownToSafeHtml`: the features and sanitising
 * plugin of the site's Markdown processor, `src/lib/site/body.ts`).
 */
import { markdownToSafeHtml } from '../markdown/satteri.ts';

/** Markdown to sanitised HTML. */
export function markdownToHtml(markdown: string): string {
  return markdownToSafeHtml(markdown);
}

/** Markdown of one paragraph to sanitised inline HTML (no wrapping `<p>`). */
export function inlineMarkdownToHtml(markdown: string): string {
  const html = markdownToHtml(markdown).trim();
  const m = /^<p>([\s\S]*)<\/p>$/.exec(html);
  return m && !m[1]!.includes('<p>') ? m[1]! : html;
}
