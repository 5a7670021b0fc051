/**
 * The email rendering pipeline, in order. Each step is one module of this folder:
 *
 *   1. view      issue model + settings → the data templates are filled with (absolute links)
 *   2. template  Handlebars fills `templates/*.mjml` (auto-escaped; Markdown via Sätteri) → MJML
 *   3. mjml      MJML 5, strict validation → HTML (each skeleton compiled once, the texts put
 *                back in); an error names its template
 *   4. check     no script, only absolute URLs, alt on every image
 *   5. text      html-to-text → the plain-text part
 *   6. eml       nodemailer MailComposer → multipart/alternative message with unsubscribe headers
 *   7. size      the Gmail clipping guard: fail above 102 KB, warn above 90 KB
 *   8. meta      `issue.json` for the sender
 */
import type { Issue } from '../model.ts';
import { checkEmail } from './check.ts';
import { emailEml } from './eml.ts';
import { issueMeta, type IssueMeta } from './meta.ts';
import { compileMjml } from './mjml.ts';
import { checkSize } from './size.ts';
import { loadTemplates, type Templates } from './template.ts';
import { emailText } from './text.ts';
import { type EmailSettings, emailView } from './view.ts';

export type { EmailSettings } from './view.ts';
export type { IssueMeta } from './meta.ts';
export { ISSUE_FILES } from './meta.ts';

export interface RenderOptions {
  /** The compiled templates, or the folder to read them from. */
  templates: Templates | string;
  settings: EmailSettings;
}

export interface RenderedIssue {
  month: string;
  subject: string;
  /** The filled MJML, before compilation. */
  mjml: string;
  html: string;
  text: string;
  eml: Buffer;
  meta: IssueMeta;
  /** Warnings to print, e.g. an email close to the size limit. */
  warnings: string[];
}

const WARM_UP_MJML =
  '<mjml><mj-head><mj-style inline="inline">p { margin: 0; }</mj-style></mj-head><mj-body><mj-section><mj-column><mj-text><h2>Warm</h2><p>up</p></mj-text></mj-column></mj-section></mj-body></mjml>';

/**
 * Loads the renderer's libraries (MJML, html-to-text, nodemailer: about a second) and runs
 * each once on a tiny input, so that the first issue renders at speed: what a rendering
 * worker does as soon as it starts, while the main thread does other work.
 */
export async function warmUp(): Promise<void> {
  const html = await compileMjml(WARM_UP_MJML);
  const text = emailText(html);
  await emailEml({
    month: '2000-01',
    subject: 'Warm up',
    html,
    text,
    from: { name: 'Warm up', address: 'warm-up@sec-press.example' },
    issueDate: '2000-01-31',
    unsubscribeUrl: '*|UNSUB|*',
    unsubscribeMailto: 'warm-up@sec-press.example',
    host: 'sec-press.example',
  });
}

export async function renderIssue(issue: Issue, options: RenderOptions): Promise<RenderedIssue> {
  const { settings } = options;
  const templates =
    typeof options.templates === 'string' ? await loadTemplates(options.templates) : options.templates;
  const view = emailView(issue, settings); // 1
  const mjml = templates.render(view); // 2
  const html = await compileMjml(mjml); // 3
  checkEmail(html); // 4
  const text = emailText(html); // 5
  const host = new URL(settings.siteUrl).host;
  const eml = await emailEml({
    month: issue.month,
    subject: issue.title,
    html,
    text,
    from: settings.from,
    issueDate: issue.issueDate,
    unsubscribeUrl: settings.unsubscribeUrl,
    unsubscribeMailto: settings.unsubscribeMailto,
    host,
  }); // 6
  const size = checkSize(html, issue.month); // 7
  const meta = issueMeta({
    month: issue.month,
    subject: issue.title,
    preheader: issue.preheader,
    issueDate: issue.issueDate,
    from: settings.from,
    webUrl: view.webUrl,
    host,
    unsubscribeUrl: settings.unsubscribeUrl,
    unsubscribeMailto: settings.unsubscribeMailto,
    html,
    text,
    eml,
  }); // 8
  return {
    month: issue.month,
    subject: issue.title,
    mjml,
    html,
    text,
    eml,
    meta,
    warnings: size.warning ? [size.warning] : [],
  };
}
