/**
 * Markdown bodies to HTML, for the email and the web version alike: GFM (tables, lists),
 * raw HTML parsed and then cleaned with the shared sanitise schema, headings moved to the
 * level the surrounding template gives them, links made absolute, tables given header
 * scopes, and class names added where the medium styles by class.
 *
 *   remark-parse → remark-gfm → remark-rehype (allowDangerousHtml) → rehype-raw →
 *   rehype-sanitize (src/lib/markdown/sanitize.ts) → headings → links → tables → classes →
 *   rehype-stringify
 */
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { sanitizeSchema } from '../../markdown/sanitize.ts';

export interface MarkdownOptions {
  /** The level the body's highest heading becomes (2–6): the template's own heading level plus one. */
  headingLevel?: number | undefined;
  /** Site URL that relative links and images are resolved against; left relative when absent. */
  siteUrl?: string | undefined;
  /** Class names to add, by tag name (`table: 'govuk-table'`). */
  classes?: Readonly<Record<string, string>> | undefined;
}

const HEADING = /^h([1-6])$/;

/** Moves every heading by the same amount so that the highest becomes `level`. */
export function rehypeHeadingLevel(options: { level: number }) {
  return (tree: Root) => {
    let top = 7;
    visit(tree, 'element', (node: Element) => {
      const m = HEADING.exec(node.tagName);
      if (m) top = Math.min(top, Number(m[1]));
    });
    if (top === 7) return;
    const shift = options.level - top;
    visit(tree, 'element', (node: Element) => {
      const m = HEADING.exec(node.tagName);
      if (m) node.tagName = `h${Math.min(6, Math.max(1, Number(m[1]) + shift))}`;
    });
  };
}

/** Resolves relative `href` and `src` against the site URL. */
export function rehypeAbsoluteLinks(options: { siteUrl: string }) {
  const base = `${options.siteUrl.replace(/\/+$/, '')}/`;
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      for (const attr of ['href', 'src'] as const) {
        const value = node.properties[attr];
        if (typeof value === 'string' && !/^[a-z][a-z0-9+.-]*:/i.test(value)) {
          node.properties[attr] = new URL(value.replace(/^\/+/, ''), base).href;
        }
      }
    });
  };
}

/** Header cells say what they head: `scope="col"` in a table head, `scope="row"` elsewhere. */
export function rehypeTableScopes() {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      if (node.tagName !== 'thead' && node.tagName !== 'tbody') return;
      const scope = node.tagName === 'thead' ? 'col' : 'row';
      visit(node, 'element', (cell: Element) => {
        if (cell.tagName === 'th' && cell.properties.scope === undefined) cell.properties.scope = scope;
      });
    });
  };
}

/** Adds class names by tag name. */
export function rehypeClasses(options: { classes: Readonly<Record<string, string>> }) {
  return (tree: Root) => {
    visit(tree, 'element', (node: Element) => {
      const add = options.classes[node.tagName];
      if (!add) return;
      const current = node.properties.className;
      const list = Array.isArray(current)
        ? current.map(String)
        : typeof current === 'string'
          ? [current]
          : [];
      node.properties.className = [...list, ...add.split(/\s+/)];
    });
  };
}

/**
 * rehype-raw, run only when the tree holds raw HTML: it re-parses the whole tree, which
 * Markdown without HTML does not need. Sanitising runs either way.
 */
export function rehypeRawWhenNeeded() {
  const raw = rehypeRaw();
  return (tree: Root, file: VFile): Root => {
    let found = false;
    visit(tree, 'raw', () => {
      found = true;
      return false;
    });
    return found ? raw(tree, file) : tree;
  };
}

function processorFor(options: MarkdownOptions) {
  const p = unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype, { allowDangerousHtml: true })
    .use(rehypeRawWhenNeeded)
    .use(rehypeSanitize, sanitizeSchema)
    .use(rehypeHeadingLevel, { level: options.headingLevel ?? 3 })
    .use(rehypeTableScopes);
  if (options.siteUrl) p.use(rehypeAbsoluteLinks, { siteUrl: options.siteUrl });
  if (options.classes) p.use(rehypeClasses, { classes: options.classes });
  return p.use(rehypeStringify).freeze();
}

const processors = new Map<string, ReturnType<typeof processorFor>>();

/** Rendered Markdown by options and text: the same body renders once per process. */
const rendered = new Map<string, string>();
const MAX_RENDERED = 5000;

/** Renders Markdown to sanitised HTML. Pure, so its results are memoised. */
export function markdownToHtml(markdown: string, options: MarkdownOptions = {}): string {
  const id = JSON.stringify([options.headingLevel ?? 3, options.siteUrl ?? '', options.classes ?? {}]);
  const key = `${id}\u0000${markdown}`;
  const done = rendered.get(key);
  if (done !== undefined) return done;
  let processor = processors.get(id);
  if (!processor) {
    processor = processorFor(options);
    processors.set(id, processor);
  }
  const html = String(processor.processSync(markdown)).trim();
  if (rendered.size >= MAX_RENDERED) rendered.clear();
  rendered.set(key, html);
  return html;
}
