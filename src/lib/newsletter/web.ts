/**
 * What the web version of an issue needs beyond the issue model: Markdown rendered with
 * GOV.UK Frontend's classes, as the site styles it (the email styles the same Markdown with
 * its own inlined CSS instead).
 */
import { markdownToHtml } from './render/markdown.ts';

/** GOV.UK Frontend classes for the elements Markdown produces. */
export const WEB_MARKDOWN_CLASSES: Readonly<Record<string, string>> = {
  p: 'govuk-body',
  ul: 'govuk-list govuk-list--bullet',
  ol: 'govuk-list govuk-list--number',
  a: 'govuk-link',
  h2: 'govuk-heading-m',
  h3: 'govuk-heading-s',
  h4: 'govuk-heading-s',
  h5: 'govuk-heading-s',
  h6: 'govuk-heading-s',
  table: 'govuk-table',
  caption: 'govuk-table__caption',
  thead: 'govuk-table__head',
  tbody: 'govuk-table__body',
  tr: 'govuk-table__row',
  th: 'govuk-table__header',
  td: 'govuk-table__cell',
};

/** Markdown as sanitised HTML for the web version, its highest heading at `level`. */
export function webMarkdown(markdown: string, level: number): string {
  return markdownToHtml(markdown, { headingLevel: level, classes: WEB_MARKDOWN_CLASSES });
}
