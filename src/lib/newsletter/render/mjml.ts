/**
 * Step 3 of the pipeline: MJML to email HTML, in-process, with MJML's strict validation.
 * Any MJML error fails the build, naming the template (`templates/blocks/votes.mjml`) it
 * came from.
 *
 * The styles of `<mj-style inline="inline">` are inlined into the compiled HTML by
 * css-inline (Rust, compiled to WebAssembly) rather than by MJML itself (juice, which parses
 * the document again with cheerio and was about 60% of the compile's time): the element is
 * taken out before MJML compiles, and its CSS applied after, to the same elements, as MJML
 * would (the other `<mj-style>` rules, media queries, stay in the head). The WebAssembly build
 * rather than the native one: the native package's binaries for other platforms are optional
 * dependencies that `npm ci` insists on finding in the lock file, and a registry without them
 * breaks the install.
 *
 * MJML copies the content of `<mj-text>`, `<mj-title>` and `<mj-preview>` into its output as it
 * is (trimmed), so it compiles each document's skeleton: those contents become slots, and the
 * skeletons it has compiled are reused (issues of the same sections share one) before the
 * contents are put back. What MJML would change in a content (an Outlook conditional comment,
 * nested MJML) keeps the document from being cut into slots: it is compiled whole.
 */
import { initWasm, inline } from '@css-inline/css-inline-wasm';
import type mjml2html from 'mjml';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { templateAtLine } from './template.ts';

/** css-inline's WebAssembly module, instantiated once per process (or worker) when first needed. */
let inliner: Promise<void> | undefined;

/** Loads the style inliner; `inlineStyles` may be called once this has resolved. */
export function loadInliner(): Promise<void> {
  inliner ??= readFile(
    createRequire(import.meta.url).resolve('@css-inline/css-inline-wasm/index_bg.wasm'),
  ).then(
    // The `{ module_or_path }` form wasm-bindgen asks for (a bare buffer logs a deprecation
    // warning); the package's types still name only the bare one.
    (wasm) => initWasm({ module_or_path: wasm } as unknown as Parameters<typeof initWasm>[0]),
  );
  return inliner;
}

/** MJML, loaded on the first compile (about a second): a cached issue never needs it. */
let mjmlModule: Promise<{ default: typeof mjml2html }> | undefined;

export class MjmlError extends Error {
  override name = 'MjmlError';
}

interface MjmlIssue {
  line?: number;
  message: string;
  tagName?: string;
}

/** Removes the comments that frame each template's output. */
export function stripTemplateMarkers(html: string): string {
  return html.replace(/<!--\/?tpl:[^>]*?-->\n?/g, '');
}

/**
 * Drops the indentation and blank lines templates and MJML leave, which count towards
 * Gmail's size limit, leaving `<pre>` blocks as they are. Line breaks stay, so text never
 * runs together.
 */
export function trimIndentation(html: string): string {
  return html
    .split(/(<pre\b[\s\S]*?<\/pre>)/i)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/\n[ \t]*(?:\n[ \t]*)*/g, '\n')))
    .join('');
}

const INLINE_STYLE = /<mj-style\b[^>]*?\binline\s*=\s*(["'])inline\1[^>]*>([\s\S]*?)<\/mj-style\s*>/gi;

/**
 * The CSS of every `<mj-style inline="inline">`, and the MJML without those elements (each
 * replaced by as many line breaks, so MJML's line numbers still find their template).
 */
export function takeInlineStyles(mjml: string): { mjml: string; css: string } {
  const css: string[] = [];
  const rest = mjml.replace(INLINE_STYLE, (element, _quote, rules: string) => {
    css.push(rules);
    return '\n'.repeat(element.split('\n').length - 1);
  });
  return { mjml: rest, css: css.join('\n') };
}

/** Inlines CSS into every element it matches, as MJML's `inline="inline"` does (after `loadInliner`). */
export function inlineStyles(html: string, css: string): string {
  if (!css.trim()) return html;
  try {
    return inline(html, {
      // MJML's own <style> elements (resets, media queries) stay where they are, as they were.
      inlineStyleTags: false,
      keepStyleTags: true,
      keepLinkTags: true,
      loadRemoteStylesheets: false,
      extraCss: css,
      applyWidthAttributes: true,
      // `margin:0 0 12px` rather than `margin: 0 0 12px;`: about 2 KB less of an issue's HTML
      // (Gmail clips above 102 KB), and a little less for every later step to read.
      minifyCss: true,
    });
  } catch (error) {
    throw new MjmlError(
      `templates: the styles of <mj-style inline="inline"> could not be inlined: ${(error as Error).message}`,
    );
  }
}

/**
 * Elements whose content MJML copies into its output unchanged (but trimmed): the content of
 * each, when not empty, becomes a slot of the skeleton. The opening tag is matched up to a `>`
 * that does not close a self-closing element.
 */
const SLOTTED = /(<mj-(text|title|preview)\b[^>]*?(?<!\/)>)([\s\S]*?)(<\/mj-\2\s*>)/g;

/** A content MJML would not copy as it is: conditional comments (it minifies them), nested MJML. */
const UNSLOTTABLE = /<!--\[if|<!\[endif\]|<\/?mj-/i;

/** The skeleton of a document: its MJML with each slotted content replaced by a slot marker. */
export interface Skeleton {
  mjml: string;
  /** The contents, in the order of their slots, as MJML would copy them (trimmed). */
  contents: string[];
}

const slotMarker = (i: number) => `@@sec-press-slot-${i}@@`;
const SLOT_MARKER = /@@sec-press-slot-(\d+)@@/g;

/**
 * Cuts a document into its skeleton and the contents of its slots, or returns undefined when a
 * content is one MJML would change (see {@link UNSLOTTABLE}).
 */
export function skeletonOf(mjml: string): Skeleton | undefined {
  const contents: string[] = [];
  let slottable = true;
  const skeleton = mjml.replace(SLOTTED, (element, open: string, _name, content: string, end: string) => {
    const trimmed = content.trim();
    if (!trimmed) return element;
    if (UNSLOTTABLE.test(trimmed)) slottable = false;
    contents.push(trimmed);
    return `${open}${slotMarker(contents.length - 1)}${end}`;
  });
  return slottable ? { mjml: skeleton, contents } : undefined;
}

/**
 * Puts the contents back into a compiled skeleton, in one pass (a content is never searched for
 * slots), or returns undefined when a slot is missing (MJML did something with it other than
 * copy it). A slot may be copied more than once: the title is also the body's `aria-label`.
 */
export function fillSkeleton(html: string, contents: readonly string[]): string | undefined {
  const seen = new Set<number>();
  const filled = html.replace(SLOT_MARKER, (marker, i: string) => {
    const content = contents[Number(i)];
    if (content === undefined) return marker;
    seen.add(Number(i));
    return content;
  });
  return seen.size === contents.length ? filled : undefined;
}

/** Compiled skeletons, most recently used last; a few dozen at most. */
const compiledSkeletons = new Map<string, string>();
const SKELETONS_KEPT = 32;

/** How many compiles reused a skeleton, and how many ran MJML (read by the tests). */
export const skeletonStats = { reused: 0, compiled: 0 };

/** MJML → HTML with strict validation; an error names the template it came from. */
async function runMjml(mjml: string): Promise<string> {
  mjmlModule ??= import('mjml');
  const { default: compile } = await mjmlModule;
  skeletonStats.compiled += 1;
  try {
    // No web fonts: the layout uses the reader's system fonts.
    return (await compile(mjml, { validationLevel: 'strict', keepComments: false, fonts: {} })).html;
  } catch (error) {
    const issues = (error as { errors?: MjmlIssue[] }).errors;
    if (Array.isArray(issues) && issues.length > 0) {
      throw new MjmlError(
        issues
          .map(
            (i) =>
              `templates/${templateAtLine(mjml, i.line ?? 0)}.mjml: ${i.tagName ? `<${i.tagName}>: ` : ''}${i.message}`,
          )
          .join('\n'),
      );
    }
    throw new MjmlError(`templates: MJML could not compile the email: ${(error as Error).message}`);
  }
}

/**
 * MJML → HTML through a compiled skeleton: the one compiled before for the same skeleton, or
 * compiled now. A skeleton MJML rejects is compiled again whole, so that the error's line
 * numbers are those of the document.
 */
async function compileThroughSkeleton(mjml: string): Promise<string> {
  const skeleton = skeletonOf(mjml);
  if (!skeleton) return runMjml(mjml);
  let compiled = compiledSkeletons.get(skeleton.mjml);
  if (compiled === undefined) {
    try {
      compiled = await runMjml(skeleton.mjml);
    } catch {
      return runMjml(mjml);
    }
  } else {
    skeletonStats.reused += 1;
    compiledSkeletons.delete(skeleton.mjml);
  }
  compiledSkeletons.set(skeleton.mjml, compiled);
  if (compiledSkeletons.size > SKELETONS_KEPT) {
    compiledSkeletons.delete(compiledSkeletons.keys().next().value!);
  }
  return fillSkeleton(compiled, skeleton.contents) ?? runMjml(mjml);
}

export interface CompileOptions {
  /** Reuse compiled skeletons (default); `false` compiles the whole document every time. */
  reuseSkeletons?: boolean;
}

export async function compileMjml(source: string, options: CompileOptions = {}): Promise<string> {
  const { mjml, css } = takeInlineStyles(source);
  const [html] = await Promise.all([
    options.reuseSkeletons === false ? runMjml(mjml) : compileThroughSkeleton(mjml),
    loadInliner(),
  ]);
  return trimIndentation(inlineStyles(stripTemplateMarkers(html), css));
}
