import { describe, expect, it } from 'vitest';
import { webMarkdown } from '../../src/lib/newsletter/web.ts';

describe('webMarkdown', () => {
  it('gives Markdown the site’s GOV.UK Frontend classes and the heading level asked for', () => {
    expect(webMarkdown('## Part\n\nText with [a link](/about/).\n\n- one', 4)).toBe(
      '<h4 class="govuk-heading-s">Part</h4>\n<p class="govuk-body">Text with <a href="/about/" class="govuk-link">a link</a>.</p>\n<ul class="govuk-list govuk-list--bullet">\n<li>one</li>\n</ul>',
    );
  });

  it('styles tables as GOV.UK tables with header scopes', () => {
    const html = webMarkdown('| A | B |\n| - | - |\n| 1 | 2 |', 3);
    expect(html).toContain('<table class="govuk-table">');
    expect(html).toContain('<th scope="col" class="govuk-table__header">A</th>');
    expect(html).toContain('<td class="govuk-table__cell">1</td>');
  });

  it('keeps site links relative: the page is on the site', () => {
    expect(webMarkdown('[x](/modifications/)', 3)).toContain('href="/modifications/"');
  });

  it('is sanitised like the email', () => {
    expect(webMarkdown('<script>alert(1)</script><img src=x onerror=alert(1)>', 3)).not.toMatch(
      /script|onerror/,
    );
  });
});
