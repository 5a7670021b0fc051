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

export async function compileMjml(source: string): Promise<string> {
  const { mjml, css } = takeInlineStyles(source);
  mjmlModule ??= import('mjml');
  const [{ default: compile }] = await Promise.all([mjmlModule, loadInliner()]);
  let html: string;
  try {
    // No web fonts: the layout uses the reader's system fonts.
    ({ html } = await compile(mjml, { validationLevel: 'strict', keepComments: false, fonts: {} }));
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
  return trimIndentation(inlineStyles(stripTemplateMarkers(html), css));
}
