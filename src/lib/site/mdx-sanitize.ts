/**
 * Sanitising MDX pages with the same schema as Markdown bodies.
 *
 * rehype-sanitize cannot run on MDX: it drops the JSX nodes that are the page's components.
 * This rehype plugin walks the MDX tree instead:
 * - HTML elements, written as Markdown or as lower-case JSX, keep only what the shared
 *   schema allows (tag, attributes, URL protocols); a disallowed element is removed (its text
 *   kept, except for `<script>` and the like, which go entirely);
 * - components (capitalised JSX) must be ones the site offers, with plain values;
 * - JavaScript (`import`/`export`, `{…}` expressions) fails the build with the file and line:
 *   a page is content, not code.
 */
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { type Plugin, unified } from 'unified';
import type { Options as SanitizeSchema } from 'rehype-sanitize';

/* Minimal shapes of the hast and MDX nodes this plugin handles. */
interface Position {
  start: { line: number; column: number };
}
interface Node {
  type: string;
  position?: Position;
  children?: Node[];
}
interface Element extends Node {
  type: 'element';
  tagName: string;
  properties: Record<string, unknown>;
  children: Node[];
}
interface JsxAttribute {
  type: 'mdxJsxAttribute' | 'mdxJsxExpressionAttribute';
  name?: string;
  value?: string | null | { type: string; value: string; data?: { estree?: unknown } };
}
interface JsxElement extends Node {
  type: 'mdxJsxFlowElement' | 'mdxJsxTextElement';
  name: string | null;
  attributes: JsxAttribute[];
  children: Node[];
}
/** The tree rehype hands a plugin, as unified's plugin type expects it. */
interface Root {
  type: 'root';
  children: unknown[];
}
interface VFileLike {
  path?: string;
  fail(reason: string, place?: Position | Node): never;
}

export interface MdxSanitizeOptions {
  schema: SanitizeSchema;
  /** Components pages may use, by name. */
  components: readonly string[];
  /**
   * Checks a component's attributes at compile time (e.g. that an id exists); returns a
   * message when something is wrong.
   */
  check?: (component: string, attributes: Record<string, string>) => string | undefined;
}

/** Elements removed with their content when not allowed (the rest are unwrapped). */
const DROP_WITH_CONTENT = new Set(['script', 'style', 'iframe', 'object', 'embed', 'template', 'noscript']);

/** Wrappers that let the HTML parser keep an element outside its usual parent. */
const CONTEXT: Record<string, [string, string]> = {
  td: ['<table><tbody><tr>', '</tr></tbody></table>'],
  th: ['<table><tbody><tr>', '</tr></tbody></table>'],
  tr: ['<table><tbody>', '</tbody></table>'],
  tbody: ['<table>', '</table>'],
  thead: ['<table>', '</table>'],
  tfoot: ['<table>', '</table>'],
  caption: ['<table>', '</table>'],
  li: ['<ul>', '</ul>'],
};

const escapeAttr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

function findElement(node: Node, tagName: string): Element | undefined {
  if (node.type === 'element' && (node as Element).tagName === tagName) return node as Element;
  for (const child of node.children ?? []) {
    const found = findElement(child, tagName);
    if (found) return found;
  }
  return undefined;
}

/** Sanitises one start tag, written as HTML; undefined when the schema does not allow it. */
export function sanitizeStartTag(schema: SanitizeSchema, html: string, tagName: string): Element | undefined {
  // Each element is judged on its own, so the schema's rules about ancestors do not apply here.
  const processor = unified()
    .use(rehypeRaw)
    .use(rehypeSanitize, { ...schema, ancestors: {} });
  const [before, after] = CONTEXT[tagName] ?? ['', ''];
  const root = { type: 'root', children: [{ type: 'raw', value: `${before}${html}${after}` }] };
  const clean = processor.runSync(root as never) as unknown as Node;
  const el = findElement(clean, tagName);
  return el ? { type: 'element', tagName, properties: el.properties, children: [] } : undefined;
}

/** The start tag of a hast element, as HTML. */
function startTagOf(el: Element): string | undefined {
  if (!/^[a-z][a-z0-9-]*$/.test(el.tagName)) return undefined;
  const attrs: string[] = [];
  for (const [key, value] of Object.entries(el.properties ?? {})) {
    if (value === null || value === undefined || value === false) continue;
    const name =
      key === 'className'
        ? 'class'
        : key === 'htmlFor'
          ? 'for'
          : key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    const text = Array.isArray(value)
      ? value.join(key === 'className' ? ' ' : ',')
      : value === true
        ? ''
        : String(value);
    attrs.push(` ${name}="${escapeAttr(text)}"`);
  }
  return `<${el.tagName}${attrs.join('')}>`;
}

/** A literal expression value (`{3}`, `{"x"}`, `{true}`) as text; undefined for anything else. */
function literalOf(value: JsxAttribute['value']): string | undefined {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  const estree = value.data?.estree as
    { body?: { expression?: { type: string; value?: unknown } }[] } | undefined;
  const expr = estree?.body?.[0]?.expression;
  return expr?.type === 'Literal' ? String(expr.value) : undefined;
}

export const rehypeSanitizeMdx: Plugin<[MdxSanitizeOptions], Root> = function (options) {
  const { schema, components, check } = options;
  const allowed = new Set(components);

  return (root, vfile) => {
    const tree = root as unknown as Node;
    const file = vfile as unknown as VFileLike;
    const fail = (message: string, node: Node): never =>
      file.fail(message, node.position ? node.position : undefined);

    const walk = (nodes: Node[]): Node[] =>
      nodes.flatMap((node): Node[] => {
        switch (node.type) {
          case 'mdxjsEsm':
            return fail(
              `import and export are not allowed in pages: the components ${components.join(', ')} are available without importing them`,
              node,
            );
          case 'mdxFlowExpression':
          case 'mdxTextExpression':
            return fail(
              'JavaScript expressions in braces are not allowed in pages; write the text, or escape a brace as \\{',
              node,
            );
          case 'element': {
            const el = node as Element;
            const tag = startTagOf(el);
            const clean = tag ? sanitizeStartTag(schema, tag, el.tagName) : undefined;
            if (!clean) return DROP_WITH_CONTENT.has(el.tagName) ? [] : walk(el.children);
            return [{ ...clean, position: el.position, children: walk(el.children) } as Element];
          }
          case 'mdxJsxFlowElement':
          case 'mdxJsxTextElement': {
            const jsx = node as JsxElement;
            const name = jsx.name ?? '';
            if (/^[A-Z]/.test(name)) {
              if (!allowed.has(name)) {
                return fail(
                  `<${name}> is not a component pages can use (they can use ${components.join(', ')})`,
                  jsx,
                );
              }
              const attrs: Record<string, string> = {};
              for (const a of jsx.attributes) {
                const value = a.type === 'mdxJsxAttribute' ? literalOf(a.value) : undefined;
                if (value === undefined || !a.name) {
                  return fail(`<${name}>: attribute values must be plain text, e.g. id="SECMP0049"`, jsx);
                }
                attrs[a.name] = value;
              }
              const problem = check?.(name, attrs);
              if (problem) return fail(problem, jsx);
              return [{ ...jsx, children: walk(jsx.children) } as JsxElement];
            }
            // An HTML element written as JSX: judged like raw HTML in Markdown.
            const stringAttrs = jsx.attributes.flatMap((a) =>
              a.type === 'mdxJsxAttribute' && a.name && typeof (a.value ?? '') === 'string'
                ? [` ${a.name === 'className' ? 'class' : a.name}="${escapeAttr(String(a.value ?? ''))}"`]
                : [],
            );
            const clean = /^[a-z][a-z0-9-]*$/.test(name)
              ? sanitizeStartTag(schema, `<${name}${stringAttrs.join('')}>`, name)
              : undefined;
            if (!clean) return DROP_WITH_CONTENT.has(name) ? [] : walk(jsx.children);
            return [{ ...clean, position: jsx.position, children: walk(jsx.children) } as Element];
          }
          default:
            return node.children ? [{ ...node, children: walk(node.children) }] : [node];
        }
      });

    tree.children = walk(tree.children ?? []);
  };
};
