/** An editorial page in MDX (`content/pages/about.mdx` → `/about/`). */
import { z } from 'astro/zod';
import { line } from './primitives.ts';

export function pageSchema() {
  return z.strictObject({
    /** Page title, the page's h1. */
    title: line,
    /** One sentence for search results and link previews. */
    description: line,
  });
}
