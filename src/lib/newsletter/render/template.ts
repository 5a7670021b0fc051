/**
 * Step 2 of the pipeline: Handlebars fills the MJML templates of `templates/` with the view.
 *
 * `templates/layout.mjml` is the document; every other `.mjml` file under `templates/` is a
 * partial named by its path without the extension (`sections/governance`, `blocks/votes`).
 * Handlebars escapes every `{{value}}` for HTML; only the helpers' own output (`{{md …}}`,
 * sanitised Markdown) is inserted as HTML. Each partial's output is framed by comments
 * naming it, so that an MJML error can be traced back to the template it came from.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { When } from '../../dates.ts';
import type { Markdown } from '../model.ts';
import { absoluteUrl } from '../../site/urls.ts';
import type { LABELS } from './format.ts';
import { formatSpan, formatWhen, label, numberWord, plural } from './format.ts';
import { markdownToHtml } from './markdown.ts';
import type { EmailView } from './view.ts';

export const LAYOUT = 'layout';
const EXTENSION = '.mjml';

/** Class names Markdown elements get in the email, for the layout's inlined styles. */
export const EMAIL_MARKDOWN_CLASSES: Readonly<Record<string, string>> = { table: 'data' };

export class TemplateError extends Error {
  override name = 'TemplateError';
}

export interface Templates {
  /** The templates folder. */
  dir: string;
  /** Names of the partials found. */
  partials: string[];
  render(view: EmailView): string;
}

const open = (name: string) => `<!--tpl:${name}-->`;
const close = (name: string) => `<!--/tpl:${name}-->`;

/** The template that produced a line of filled MJML: the innermost one framing it. */
export function templateAtLine(mjml: string, line: number): string {
  const stack: string[] = [];
  const lines = mjml.split('\n').slice(0, Math.max(0, line));
  for (const text of lines) {
    for (const m of text.matchAll(/<!--(\/?)tpl:([^>]+?)-->/g)) {
      if (m[1]) stack.pop();
      else stack.push(m[2]!);
    }
  }
  return stack.at(-1) ?? LAYOUT;
}

type HelperOptions = Handlebars.HelperOptions;

/**
 * The helpers templates may use. Their names differ from every field of the view, so that
 * `{{title}}` is always a field and `{{formatDate date}}` always a helper.
 */
function helpers(hb: typeof Handlebars): void {
  const render = (value: Markdown | undefined, options: HelperOptions) => {
    const root = options.data.root as EmailView;
    return markdownToHtml(value?.markdown ?? '', {
      headingLevel: Number(options.hash.level ?? 3),
      siteUrl: root.settings.siteUrl,
      classes: EMAIL_MARKDOWN_CLASSES,
    });
  };
  /** `{{md body level=4}}`: Markdown as sanitised HTML, its highest heading at `level`. */
  hb.registerHelper('md', (value: Markdown | undefined, options: HelperOptions) =>
    value?.markdown ? new hb.SafeString(render(value, options)) : '',
  );
  /** `{{mdi summary}}`: a one-paragraph Markdown text inline, without its `<p>`. */
  hb.registerHelper('mdi', (value: Markdown | undefined, options: HelperOptions) =>
    value?.markdown ? new hb.SafeString(render(value, options).replace(/^<p>([\s\S]*)<\/p>$/, '$1')) : '',
  );
  /** `{{formatDate closes weekday=true clock=true}}` → `5pm on Thursday 6th September 2018`. */
  hb.registerHelper('formatDate', (when: When | undefined, options: HelperOptions) =>
    when
      ? formatWhen(when, { weekday: options.hash.weekday === true, clock: options.hash.clock === true })
      : '',
  );
  /** `{{formatSpan date end}}` → `10am to 2pm on Wednesday 19th September 2018`. */
  hb.registerHelper('formatSpan', (start: When | undefined, end: unknown) =>
    start ? formatSpan(start, typeof end === 'string' ? end : undefined) : '',
  );
  /** `{{words 2}}` → `two`. */
  hb.registerHelper('words', (n: number) => numberWord(n));
  /** `{{plural items.length 'it' 'them'}}`. */
  hb.registerHelper('plural', (n: number, one: string, many: string) => plural(n, one, many));
  /** `{{labelOf 'path' path}}` → `Self-Governance` (kinds: path, outcome, issuer, party). */
  hb.registerHelper('labelOf', (kind: keyof typeof LABELS, value: string | undefined) => label(kind, value));
  /** `(eq outcome 'approved')`. */
  hb.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  /** `(concat 'blocks/' kind)`: joins its arguments, e.g. to name a partial. */
  hb.registerHelper('concat', (...args: unknown[]) => args.slice(0, -1).join(''));
  /** `{{link '/designations/'}}`: a site path as an absolute URL. */
  hb.registerHelper('link', (sitePath: string, options: HelperOptions) =>
    absoluteUrl((options.data.root as EmailView).settings.siteUrl, sitePath),
  );
}

async function mjmlFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const d of await readdir(path.join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${d.name}` : d.name;
    if (d.isDirectory()) out.push(...(await mjmlFiles(dir, rel)));
    else if (d.name.endsWith(EXTENSION)) out.push(rel);
  }
  return out.sort();
}

/** Reads and compiles every template of a folder. */
export async function loadTemplates(dir: string): Promise<Templates> {
  let files: string[];
  try {
    files = await mjmlFiles(dir);
  } catch {
    throw new TemplateError(`the email templates folder ${dir} is missing`);
  }
  if (!files.includes(`${LAYOUT}${EXTENSION}`)) {
    throw new TemplateError(`${path.join(dir, LAYOUT + EXTENSION)} is missing: it is the email's document`);
  }
  const hb = Handlebars.create();
  helpers(hb);
  const partials: string[] = [];
  let layout: HandlebarsTemplateDelegate | undefined;
  for (const file of files) {
    const name = file.slice(0, -EXTENSION.length);
    const source = await readFile(path.join(dir, file), 'utf8');
    let compiled: HandlebarsTemplateDelegate;
    try {
      // No line break before the closing comment: a partial used inside a sentence adds no space.
      const framed = `${open(name)}\n${source.trimEnd()}${close(name)}`;
      // Parse now, so a syntax error names its template before anything renders.
      hb.parse(framed);
      compiled = hb.compile(framed, { noEscape: false });
    } catch (error) {
      throw new TemplateError(`templates/${file}: ${(error as Error).message.split('\n')[0]}`);
    }
    if (name === LAYOUT) layout = compiled;
    else {
      hb.registerPartial(name, compiled);
      partials.push(name);
    }
  }
  return {
    dir,
    partials,
    render(view) {
      try {
        return layout!(view, { allowProtoPropertiesByDefault: false });
      } catch (error) {
        const message = (error as Error).message;
        const missing = /The partial (.+) could not be found/.exec(message);
        throw new TemplateError(
          missing
            ? `templates/${missing[1]}${EXTENSION} is missing: the issue has an item that renders through it`
            : `templates: ${message}`,
        );
      }
    },
  };
}
