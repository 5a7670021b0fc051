import { describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../../src/lib/newsletter/render/markdown.ts';

describe('markdownToHtml', () => {
  it.each<[string, string, Parameters<typeof markdownToHtml>[1], string]>([
    ['paragraphs and emphasis', 'Hello **there**.', {}, '<p>Hello <strong>there</strong>.</p>'],
    ['lists stay lists', '- one\n- two', {}, '<ul>\n<li>one</li>\n<li>two</li>\n</ul>'],
    [
      'the highest heading becomes the level asked for',
      '## A\n\n### B',
      { headingLevel: 4 },
      '<h4>A</h4>\n<h5>B</h5>',
    ],
    ['headings never go past h6', '# A\n\n###### F', { headingLevel: 3 }, '<h3>A</h3>\n<h6>F</h6>'],
    [
      'site links become absolute, others are left alone',
      '[a](/modifications/secmp0049/) [b](https://other.example/x) [c](mailto:x@y.example)',
      { siteUrl: 'https://sec.example' },
      '<p><a href="https://sec.example/modifications/secmp0049/">a</a> <a href="https://other.example/x">b</a> <a href="mailto:x@y.example">c</a></p>',
    ],
    ['classes are added by tag', 'Text', { classes: { p: 'govuk-body' } }, '<p class="govuk-body">Text</p>'],
    [
      'raw HTML that is safe is kept',
      'CO<sub>2</sub> and <kbd>F1</kbd>',
      {},
      '<p>CO<sub>2</sub> and <kbd>F1</kbd></p>',
    ],
  ])('%s', (_, markdown, options, expected) => {
    expect(markdownToHtml(markdown, options)).toBe(expected);
  });

  it('turns a GFM table into a table whose header cells have a scope', () => {
    const html = markdownToHtml(
      '| Category | Member |\n| --- | --- |\n| Large Suppliers | Simon Trivella |',
      {
        classes: { table: 'data' },
      },
    );
    expect(html).toContain('<table class="data">');
    expect(html).toContain('<th scope="col">Category</th>');
    expect(html).toContain('<td>Simon Trivella</td>');
  });

  it.each<[string, string, RegExp]>([
    ['script', 'Hi <script>alert(1)</script>', /<script/i],
    ['event handlers', '<p onclick="alert(1)">Hi</p>', /onclick/i],
    ['javascript: links', '[x](javascript:alert(1))', /javascript:/i],
    ['iframes', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['inline styles', '<span style="color:red">x</span>', /style=/i],
  ])('removes %s', (_, markdown, forbidden) => {
    expect(markdownToHtml(markdown)).not.toMatch(forbidden);
  });
});
