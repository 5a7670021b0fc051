/**
 * Markdown bodies to HTML, for the email and the web version alike, with Sätteri (Astro's
 * own Markdown processor, as on the site): GFM, smart punctuation, raw HTML parsed and then
 * cleaned with the shared sanitise schema (`src/lib/markdown/satteri.ts`); then one hast
 * plugin moves headings to the level the surrounding template gives them, makes site links
 * absolute, gives table header cells a scope and adds the class names the medium styles by.
 *
 *   Sätteri (gfm, rawHtml, smartPunctuation) → sanitise → heading levels (measure) →
 *   headings, links, scopes, classes → HTML
 *
 * It replaced a remark/rehype (unified) pipeline that cost about 1 ms a body and half of an
 * issue's render time; Sätteri takes a few hundredths of a millisecond.
 */
import type { Element, ElementContent } from 'hast';
import {
  defineHastPlugin,
  type HastPluginDefinition,
  type HastVisitorContext,
  markdownToHtml as satteriToHtml,
  type MarkdownToHtmlResult,
} from 'satteri';
import { sanitizeSchema } from '../../markdown/sanitize.ts';
import { markdownFeatures, sanitizePlugin } from '../../markdown/satteri.ts';

export interface MarkdownOptions {
  /** The level the body's highest heading becomes (2–6): the template's own heading level plus one. */
  headingLevel?: number | undefined;
  /** Site URL that relative links and images are resolved against; left relative when absent. */
  siteUrl?: string | undefined;
  /** Class names to add, by tag name (`table: 'govuk-table'`). */
  classes?: Readonly<Record<string, string>> | undefined;
}

const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
const TOP = 'secPressTopHeading';

/** The first pass: the highest heading of the document (its smallest level), into `ctx.data`. */
export const measureHeadings: HastPluginDefinition = defineHastPlugin({
  name: 'sec-press-measure-headings',
  element: {
    filter: HEADINGS,
    visit(node, ctx) {
      const level = Number(node.tagName[1]);
      const top = ctx.data[TOP] as number | undefined;
      if (top === undefined || level < top) ctx.data[TOP] = level;
    },
  },
});

/** Attributes holding a URL that a relative site link is resolved in. */
const URL_ATTRIBUTES = ['href', 'src'] as const;

/** Elements the shared schema lets carry `href` or `src`: the only ones links can be on. */
const LINK_TAGS = Object.entries(sanitizeSchema.attributes ?? {})
  .filter(([, attrs]) =>
    attrs.some((a) => URL_ATTRIBUTES.includes((typeof a === 'string' ? a : a[0]) as never)),
  )
  .map(([tag]) => tag);

const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/** A relative URL resolved against the site; absolute ones (any scheme) as they are. */
export function absoluteLink(value: string, siteUrl: string): string {
  if (SCHEME.test(value)) return value;
  return new URL(value.replace(/^\/+/, ''), `${siteUrl.replace(/\/+$/, '')}/`).href;
}

/** Header cells say what they head: `scope="col"` in a table head, `scope="row"` in its body. */
function scopeOf(node: Element, ctx: HastVisitorContext): string | undefined {
  for (let p = ctx.parent(node); p && p.type === 'element'; p = ctx.parent(p)) {
    if (p.tagName === 'thead') return 'col';
    if (p.tagName === 'tbody') return 'row';
    if (p.tagName === 'table') return undefined;
  }
  return undefined;
}

function classList(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  return typeof value === 'string' ? value.split(/\s+/).filter(Boolean) : [];
}

/**
 * The second pass, on each element that needs it: a heading moved by the same amount as the
 * highest one to `level` (never past h6); `href`/`src` made absolute against `siteUrl`; a
 * header cell's `scope`; the class names of its (final) tag.
 */
export function emailHastPlugin(options: MarkdownOptions): HastPluginDefinition {
  const level = options.headingLevel ?? 3;
  const classes = options.classes ?? {};
  const { siteUrl } = options;
  const filter = [...new Set([...HEADINGS, 'th', ...(siteUrl ? LINK_TAGS : []), ...Object.keys(classes)])];
  return defineHastPlugin({
    name: 'sec-press-email-markdown',
    element: {
      filter,
      visit(node, ctx) {
        let tagName = node.tagName;
        const set: Record<string, unknown> = {};
        const top = ctx.data[TOP] as number | undefined;
        if (top !== undefined && HEADINGS.includes(tagName)) {
          tagName = `h${Math.min(6, Math.max(1, Number(tagName[1]) + level - top))}`;
        }
        const props = (node.properties ?? {}) as Record<string, unknown>;
        if (siteUrl) {
          for (const attr of URL_ATTRIBUTES) {
            const value = props[attr];
            if (typeof value === 'string' && !SCHEME.test(value)) set[attr] = absoluteLink(value, siteUrl);
          }
        }
        if (tagName === 'th' && props.scope === undefined) {
          const scope = scopeOf(node, ctx);
          if (scope) set.scope = scope;
        }
        const add = classes[tagName];
        if (add) set.className = [...classList(props.className), ...add.split(/\s+/)];
        if (tagName !== node.tagName) {
          const element: Element = {
            type: 'element',
            tagName,
            properties: { ...(props as Element['properties']), ...(set as Element['properties']) },
            children: [...node.children] as ElementContent[],
          };
          ctx.replaceNode(node, element);
        } else {
          for (const [key, value] of Object.entries(set)) ctx.setProperty(node, key, value);
        }
      },
    },
  });
}

const sanitize = sanitizePlugin();
const plugins = new Map<string, HastPluginDefinition[]>();

function pluginsFor(options: MarkdownOptions): HastPluginDefinition[] {
  const id = JSON.stringify([options.headingLevel ?? 3, options.siteUrl ?? '', options.classes ?? {}]);
  let list = plugins.get(id);
  if (!list) {
    list = [sanitize, measureHeadings, emailHastPlugin(options)];
    plugins.set(id, list);
  }
  return list;
}

/** Renders Markdown to sanitised HTML, with the email's (or the web version's) adjustments. */
export function markdownToHtml(markdown: string, options: MarkdownOptions = {}): string {
  // Synchronous: every plugin is. (Sätteri returns a promise only for async plugins.)
  const result = satteriToHtml(markdown, {
    hastPlugins: pluginsFor(options),
    features: markdownFeatures,
  }) as MarkdownToHtmlResult;
  return result.html.trim();
}
