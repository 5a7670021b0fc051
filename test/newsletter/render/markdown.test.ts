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

  it('gives header cells in a table body scope="row", and keeps a scope the author gave', () => {
    const html = markdownToHtml(
      '<table><thead><tr><th scope="row">Kind</th></tr></thead><tbody><tr><th>Large Suppliers</th><td>32</td></tr></tbody></table>',
    );
    expect(html).toContain('<th scope="row">Kind</th>');
    expect(html).toContain('<th scope="row">Large Suppliers</th>');
  });

  it('moves headings written as HTML too, and styles each by the tag it ends as', () => {
    expect(
      markdownToHtml('<h2>A</h2>\n\n#### B', { headingLevel: 3, classes: { h3: 'big', h5: 'small' } }),
    ).toBe('<h3 class="big">A</h3>\n<h5 class="small">B</h5>');
  });

  it('makes links and images written as HTML absolute', () => {
    const html = markdownToHtml('<a href="/news/">news</a> ![Chart](/images/chart.png)', {
      siteUrl: 'https://sec.example/',
    });
    expect(html).toContain('href="https://sec.example/news/"');
    expect(html).toContain('src="https://sec.example/images/chart.png"');
  });

  it('still adjusts a body that had to be sanitised whole', () => {
    const html = markdownToHtml('## Title\n\n<script>alert(1)</script>\n\n[a](/x/)', {
      headingLevel: 4,
      siteUrl: 'https://sec.example',
    });
    expect(html).not.toMatch(/script/);
    expect(html).toContain('<h4>Title</h4>');
    expect(html).toContain('href="https://sec.example/x/"');
  });

  it('uses smart punctuation, as the site does', () => {
    expect(markdownToHtml('the Panel\'s "decision" -- 2018')).toBe('<p>the Panel’s “decision” – 2018</p>');
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
