import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { compileMjml, MjmlError, takeInlineStyles } from '../../../src/lib/newsletter/render/mjml.ts';

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
