/**
 * The Markdown body of an entry as HTML, rendered when its page is built rather than stored in
 * Astro's content store: the content collections keep the Markdown only (`src/content.config.ts`),
 * which halves the store every page build loads (48 MB at 10,000 entries, half of it rendered
 * HTML). The renderer is the one `astro.config.mjs` gives Astro for Markdown, so a body comes out
 * as Astro would have rendered it: Sätteri, the sanitising hast plugin, smart punctuation and
 * heading ids.
 */
import { satteri } from '@astrojs/markdown-satteri';
import { markdownFeatures, sanitizePlugin } from '../markdown/satteri.ts';

/** Astro's Markdown processor for the site's bodies (`markdown.processor` in `astro.config.mjs`). */
export const siteMarkdownProcessor = satteri({
  hastPlugins: [sanitizePlugin()],
  features: { ...markdownFeatures },
});

let renderer: ReturnType<typeof siteMarkdownProcessor.createRenderer> | undefined;

/** A Markdown body as sanitised HTML. */
export async function renderBody(markdown: string | undefined): Promise<string> {
  renderer ??= siteMarkdownProcessor.createRenderer({});
  return (await (await renderer).render(markdown ?? '')).code;
}
