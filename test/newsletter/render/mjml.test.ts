import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import {
  compileMjml,
  fillSkeleton,
  MjmlError,
  skeletonOf,
  skeletonStats,
  takeInlineStyles,
} from '../../../src/lib/newsletter/render/mjml.ts';
import { augustEmail } from '../support/example.ts';

const doc = (head: string, text: string) => `<mjml>
  <mj-head>
${head}
  </mj-head>
  <mj-body>
    <mj-section css-class="nl-masthead">
      <mj-column>
        <mj-text>${text}</mj-text>
      </mj-column>
    </mj-section>
  </mj-body>
</mjml>`;

describe('takeInlineStyles', () => {
  it('takes the CSS of every inline mj-style out, keeping the line count', () => {
    const source = doc(
      `    <mj-style inline="inline">
      p { margin: 0; }
    </mj-style>
    <mj-style>@media (max-width: 480px) { h1 { font-size: 26px; } }</mj-style>
    <mj-style inline='inline'>a { color: #1d70b8; }</mj-style>`,
      '<p>x</p>',
    );
    const { mjml, css } = takeInlineStyles(source);
    expect(css).toContain('p { margin: 0; }');
    expect(css).toContain('a { color: #1d70b8; }');
    expect(mjml).not.toContain('inline=');
    expect(mjml).toContain('<mj-style>@media');
    expect(mjml.split('\n')).toHaveLength(source.split('\n').length);
  });
});

describe('compileMjml', () => {
  it('inlines the inline mj-style rules into the elements they match, as MJML would', async () => {
    const html = await compileMjml(
      doc(
        `<mj-style inline="inline">
          p { margin: 0 0 12px; }
          .nl-masthead h1 { color: #ffffff; }
          table.data th { text-align: left; }
          table.data { width: 100%; }
        </mj-style>
        <mj-style>@media only screen and (max-width: 480px) { h1 { font-size: 26px !important; } }</mj-style>`,
        '<h1>Title</h1><p>Hello <a href="https://x.example/">there</a></p><table class="data"><tr><th>A</th></tr></table>',
      ),
    );
    const $ = load(html);
    expect($('p').attr('style')).toBe('margin:0 0 12px');
    // A descendant of an mj-section's css-class: the class is on MJML's own markup.
    expect($('h1').attr('style')).toBe('color:#ffffff');
    expect($('table.data th').attr('style')).toBe('text-align:left');
    // As juice did for MJML: a width in CSS is also the table's width attribute (Outlook).
    expect($('table.data').attr('width')).toBe('100%');
    expect($('a').attr('style')).toBeUndefined();
    // The other mj-style stays a style element in the head, not inlined.
    expect($('head style').text()).toContain('font-size: 26px !important');
    expect($('h1').attr('style')).not.toContain('26px');
  });

  it('leaves a document without inline styles as MJML made it', async () => {
    const html = await compileMjml(doc('<mj-title>T</mj-title>', '<p>x</p>'));
    expect(load(html)('p').attr('style')).toBeUndefined();
  });

  it('names the template of an MJML error below an inline mj-style, at its line', async () => {
    const source = `<!--tpl:layout-->
<mjml>
  <mj-head>
    <mj-style inline="inline">
      p { margin: 0; }
    </mj-style>
  </mj-head>
  <mj-body>
<!--tpl:blocks/votes-->
    <mj-section><mj-section></mj-section></mj-section>
<!--/tpl:blocks/votes-->
  </mj-body>
</mjml><!--/tpl:layout-->`;
    await expect(compileMjml(source)).rejects.toThrow(MjmlError);
    await expect(compileMjml(source)).rejects.toThrow(/^templates\/blocks\/votes\.mjml: /);
  });
});

describe('skeletonOf', () => {
  it.each([
    [
      'a text, trimmed',
      '<mj-text css-class="a">\n  <p>x</p>\n</mj-text>',
      '<mj-text css-class="a">@@sec-press-slot-0@@</mj-text>',
      ['<p>x</p>'],
    ],
    [
      'the title and the preview',
      '<mj-title>T</mj-title><mj-preview> P </mj-preview>',
      '<mj-title>@@sec-press-slot-0@@</mj-title><mj-preview>@@sec-press-slot-1@@</mj-preview>',
      ['T', 'P'],
    ],
    [
      'an empty text left as it is',
      '<mj-text>  </mj-text><mj-text>x</mj-text>',
      '<mj-text>  </mj-text><mj-text>@@sec-press-slot-0@@</mj-text>',
      ['x'],
    ],
    [
      'a self-closing text left as it is',
      '<mj-text /><mj-text>x</mj-text>',
      '<mj-text /><mj-text>@@sec-press-slot-0@@</mj-text>',
      ['x'],
    ],
    [
      'other elements left as they are',
      '<mj-button href="https://x.example/">Go</mj-button><mj-divider />',
      '<mj-button href="https://x.example/">Go</mj-button><mj-divider />',
      [],
    ],
  ])('slots %s', (_, mjml, skeleton, contents) => {
    expect(skeletonOf(mjml)).toEqual({ mjml: skeleton, contents });
  });

  it.each([
    ['an Outlook conditional comment', '<mj-text><!--[if mso]><b>x</b><![endif]--></mj-text>'],
    ['nested MJML', '<mj-text><mj-raw>x</mj-raw></mj-text>'],
  ])('leaves a document whole when a content holds %s (MJML would change it)', (_, mjml) => {
    expect(skeletonOf(mjml)).toBeUndefined();
  });
});

describe('fillSkeleton', () => {
  it('puts each content in its slot, wherever MJML copied it', () => {
    expect(
      fillSkeleton(
        '<title>@@sec-press-slot-0@@</title><div aria-label="@@sec-press-slot-0@@">@@sec-press-slot-1@@</div>',
        ['T', '<p>x</p>'],
      ),
    ).toBe('<title>T</title><div aria-label="T"><p>x</p></div>');
  });

  it('does not look for slots in the contents, nor read them as replacement patterns', () => {
    expect(
      fillSkeleton('<p>@@sec-press-slot-0@@</p><p>@@sec-press-slot-1@@</p>', [
        '@@sec-press-slot-1@@ $& $1',
        'b',
      ]),
    ).toBe('<p>@@sec-press-slot-1@@ $& $1</p><p>b</p>');
  });

  it('fails when a slot is missing from the compiled skeleton', () => {
    expect(fillSkeleton('<p>@@sec-press-slot-0@@</p>', ['a', 'b'])).toBeUndefined();
  });
});

describe('compileMjml through a skeleton', () => {
  const issueLike = (title: string, text: string) =>
    doc(
      `<mj-title>${title}</mj-title><mj-preview>${title} preview</mj-preview><mj-style inline="inline">p { margin: 0; }</mj-style>`,
      text,
    );

  it.each([
    ['a plain paragraph', 'An issue', '<p>Hello <a href="https://x.example/?a=1&amp;b=2">there</a></p>'],
    [
      'replacement patterns and a slot marker in the text',
      'Costs $& $1',
      '<p>$& $1 $$ @@sec-press-slot-0@@</p>',
    ],
    [
      'an Outlook conditional comment',
      'Outlook',
      '<p>x</p><!--[if mso]><table><tr><td><![endif]--><p>y</p><!--[if mso]></td></tr></table><![endif]-->',
    ],
    ['a template marker', 'Markers', '<!--tpl:blocks/news--><p>x</p><!--/tpl:blocks/news-->'],
  ])('gives what MJML gives for the whole document: %s', async (_, title, text) => {
    const source = issueLike(title, text);
    expect(await compileMjml(source)).toBe(await compileMjml(source, { reuseSkeletons: false }));
  });

  it('runs MJML once for documents that differ only in their contents', async () => {
    await compileMjml(issueLike('First', '<p>one</p>'));
    const before = { ...skeletonStats };
    const html = await compileMjml(issueLike('Second', '<p>two</p>'));
    expect(skeletonStats.compiled).toBe(before.compiled);
    expect(skeletonStats.reused).toBe(before.reused + 1);
    expect(load(html)('title').text()).toBe('Second');
    expect(load(html)('p').text()).toBe('two');
  });

  it('gives the August 2018 issue the HTML MJML gives it whole', async () => {
    const email = await augustEmail();
    expect(await compileMjml(email.mjml, { reuseSkeletons: false })).toBe(email.html);
  });
});
