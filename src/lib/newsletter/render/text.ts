/**
 * Step 5 of the pipeline: the plain-text part, converted from the email's HTML so the two
 * always say the same. Headings are underlined, lists keep their bullets, data tables
 * become aligned columns, links are printed as their URLs, layout tables and the hidden
 * preheader disappear.
 */
import { compile, type FormatCallback, type HtmlToTextOptions } from 'html-to-text';

/** A heading on its own line, underlined with `=` (level 1–2) or `-` (level 3 and below). */
const underlinedHeading: FormatCallback = (elem, walk, builder, formatOptions) => {
  const rule = (formatOptions as { rule?: string }).rule ?? '-';
  builder.openBlock({ leadingLineBreaks: formatOptions.leadingLineBreaks ?? 2 });
  walk(elem.children, builder);
  builder.closeBlock({
    trailingLineBreaks: formatOptions.trailingLineBreaks ?? 1,
    blockTransform: (text: string) => {
      const width = Math.max(...text.split('\n').map((l) => l.length));
      return `${text}\n${rule.repeat(width)}`;
    },
  });
};

export const TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: 78,
  // The email body only: MJML puts the hidden preheader before it.
  baseElements: { selectors: ['div[role="article"]'] },
  formatters: { underlinedHeading },
  selectors: [
    {
      selector: 'h1',
      format: 'underlinedHeading',
      options: { rule: '=', leadingLineBreaks: 1, trailingLineBreaks: 2 },
    },
    {
      selector: 'h2',
      format: 'underlinedHeading',
      options: { rule: '=', leadingLineBreaks: 3, trailingLineBreaks: 2 },
    },
    {
      selector: 'h3',
      format: 'underlinedHeading',
      options: { rule: '-', leadingLineBreaks: 2, trailingLineBreaks: 2 },
    },
    {
      selector: 'h4',
      format: 'underlinedHeading',
      options: { rule: '-', leadingLineBreaks: 2, trailingLineBreaks: 2 },
    },
    { selector: 'a', options: { hideLinkHrefIfSameAsText: true, linkBrackets: ['<', '>'] } },
    { selector: 'img', format: 'skip' },
    {
      selector: 'table.data',
      format: 'dataTable',
      options: { uppercaseHeaderCells: false, maxColumnWidth: 48 },
    },
    { selector: 'ul', options: { itemPrefix: ' • ' } },
    { selector: '.text-hidden', format: 'skip' },
  ],
};

/** The converter, compiled once: its selectors become a decision tree (a third of a conversion's cost). */
let converter: ((html: string) => string) | undefined;

export function emailText(html: string): string {
  converter ??= compile(TEXT_OPTIONS);
  return `${converter(html).replace(/^\n+|\s+$/g, '')}\n`;
}
