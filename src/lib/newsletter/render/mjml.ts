/**
 * Step 3 of the pipeline: MJML to email HTML, in-process, with MJML's strict validation.
 * Any MJML error fails the build, naming the template (`templates/blocks/votes.mjml`) it
 * came from.
 */
import mjml2html from 'mjml';
import { templateAtLine } from './template.ts';

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

export async function compileMjml(mjml: string): Promise<string> {
  let html: string;
  try {
    // No web fonts: the layout uses the reader's system fonts.
    ({ html } = await mjml2html(mjml, { validationLevel: 'strict', keepComments: false, fonts: {} }));
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
  return trimIndentation(stripTemplateMarkers(html));
}
