import { describe, expect, it } from 'vitest';
import { markdownToSafeHtml } from '../../../src/lib/markdown/satteri.ts';

describe('markdownToSafeHtml removes what could run code', () => {
  it.each([
    ['a script element', 'Before <script>alert(1)</script> after', /<script|alert\(1\)/i],
    ['a script block', '<script>\nalert(1)\n</script>\n\nText', /<script|alert\(1\)/i],
    ['an event handler', '<b onclick="steal()">bold</b>', /onclick|steal/i],
    ['an event handler on a safe link', '<a href="https://x.org" onmouseover="y()">x</a>', /onmouseover/i],
    ['a javascript: Markdown link', '[click](javascript:alert(1))', /javascript:/i],
    ['a javascript: raw link', '<a href="JavaScript:alert(1)">x</a>', /javascript:/i],
    ['a javascript: image', '<img src="javascript:x" alt="a">', /javascript:/i],
    ['a data: image', '![a](data:image/svg+xml;base64,PHN2Zz4=)', /data:/i],
    ['an iframe', '<iframe src="https://evil.example"></iframe>', /<iframe/i],
    ['an object', '<object data="x.swf"></object>', /<object/i],
    ['a form', '<form action="https://evil.example"><input name="p"></form>', /<form|<input/i],
    ['a style attribute', '<p style="position:fixed">x</p>', /style=/i],
    ['a style element', '<style>body{display:none}</style>', /<style|display:none/i],
    ['an HTML comment', 'Text <!-- hidden --> more', /<!--|hidden/],
  ])('%s', (_name, markdown, forbidden) => {
    expect(markdownToSafeHtml(markdown)).not.toMatch(forbidden);
  });
});

describe('markdownToSafeHtml keeps what editors write', () => {
  it.each([
    [
      'headings and emphasis',
      '## Title\n\nSome **bold** and _italic_.',
      ['<h2', 'Title</h2>', '<strong>bold</strong>', '<em>italic</em>'],
    ],
    [
      'GFM tables',
      '| Category | Name |\n| --- | --- |\n| Large Suppliers | Simon Trivella |',
      ['<table>', '<th>Category</th>', '<td>Simon Trivella</td>'],
    ],
    ['lists', '- one\n- two', ['<ul>', '<li>one</li>', '<li>two</li>']],
    [
      'web, mail and relative links',
      '[a](https://x.org) [b](mailto:a@b.c) [c](/modifications/)',
      ['href="https://x.org"', 'href="mailto:a@b.c"', 'href="/modifications/"'],
    ],
    ['safe raw HTML', 'A <b>bold</b> word<br>and a line', ['<b>bold</b>', '<br>']],
    ['the text of removed elements', '<span onclick="x()">kept text</span>', ['kept text']],
    ['curly quotes', '"Quoted" and it\'s', ['“Quoted”', 'it’s']],
  ])('%s', (_name, markdown, wanted) => {
    const html = markdownToSafeHtml(markdown);
    for (const w of wanted) expect(html).toContain(w);
  });

  it('leaves a document with nothing unsafe exactly as Sätteri renders it', () => {
    const markdown = '# A\n\nText with [a link](https://x.org).\n\n| a | b |\n|---|---|\n| 1 | 2 |';
    expect(markdownToSafeHtml(markdown)).toBe(markdownToSafeHtml(`${markdown}\n`));
    expect(markdownToSafeHtml(markdown)).toContain('<a href="https://x.org">a link</a>');
  });
});
