/**
 * What raw HTML in an editor's Markdown may keep, on the site and in the email alike.
 * Editors are trusted to publish, not to run code in readers' browsers or mail clients:
 * scripts, event-handler attributes, `javascript:` and other non-web URLs, iframes,
 * objects, forms and inline styles are removed. Based on GitHub's rules (hast-util-sanitize).
 */
import { defaultSchema, type Schema as SanitizeSchema } from 'hast-util-sanitize';

export const sanitizeSchema: SanitizeSchema = {
  ...defaultSchema,
  // Keep heading ids readable: authors link to them from other pages.
  clobberPrefix: '',
  protocols: {
    ...defaultSchema.protocols,
    href: ['http', 'https', 'mailto', 'tel'],
    src: ['http', 'https'],
  },
  tagNames: (defaultSchema.tagNames ?? []).filter((t) => !['input'].includes(t)),
  // Elements removed with their content, not unwrapped: their text is code or hidden.
  strip: ['script', 'style', 'template', 'noscript', 'textarea', 'title'],
};
