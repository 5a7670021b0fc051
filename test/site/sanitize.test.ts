/**
 * Raw HTML in Markdown bodies and MDX pages cannot run code in readers' browsers: the
 * Markdown processor and the MDX processor configured in astro.config.mjs (the ones the build
 * uses) remove scripts, event handlers, `javascript:` URLs and iframes, and keep safe HTML.
 */
import { describe, expect, it } from 'vitest';
import config, { mdxProcessor } from '../../astro.config.mjs';
import { sanitizeSchema } from '../../src/lib/markdown/sanitize.ts';
import { renderBody } from '../../src/lib/site/body.ts';
import { rehypeSanitizeMdx, sanitizeStartTag } from '../../src/lib/site/mdx-sanitize.ts';
import { inlineMarkdownToHtml, markdownToHtml } from '../../src/lib/site/markdown.ts';

const ATTACKS = [
  '<script>alert(1)</script>',
  '<p onclick="alert(1)">Click</p>',
  '<a href="javascript:alert(1)">link</a>',
  '[md link](javascript:alert(1))',
  '<iframe src="https://example.com/"></iframe>',
  '<img src="x.png" onerror="alert(1)" alt="x">',
  '<object data="x.swf"></object>',
  '<form action="https://example.com/"><input name="x"></form>',
  '<div style="background:url(javascript:alert(1))">styled</div>',
];

function expectSafe(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/\son[a-z]+=/i);
  expect(html).not.toMatch(/javascript:/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<object|<form|<input/i);
  expect(html).not.toMatch(/style=/i);
}

async function renderMarkdown(md: string): Promise<string> {
  const processor = config.markdown?.processor;
  if (!processor) throw new Error('astro.config.mjs sets no markdown processor');
  const renderer = await processor.createRenderer({});
  return (await renderer.render(md)).code;
}

describe('Markdown bodies (.md) through the configured processor', () => {
  it.each(ATTACKS)('removes what could run code: %s', async (attack) => {
    expectSafe(await renderMarkdown(`Before.\n\n${attack}\n\nAfter.`));
  });

  it('keeps ordinary Markdown and safe HTML', async () => {
    const html = await renderMarkdown(
      '## Heading\n\nSome **bold** and a [link](https://example.com/).\n\nPress <kbd>Enter</kbd>, 10<sup>3</sup>.\n\n<details><summary>More</summary>Detail</details>\n\n| a | b |\n| - | - |\n| 1 | 2 |',
    );
    expect(html).toContain('<strong>bold</strong>');
    expect(html).toContain('<a href="https://example.com/">link</a>');
    expect(html).toContain('<kbd>Enter</kbd>');
    expect(html).toContain('<details><summary>More</summary>Detail</details>');
    expect(html).toContain('<table>');
    expect(html).toMatch(/<h2[^>]*>Heading<\/h2>/);
  });
});

describe('Markdown bodies as pages render them (renderBody)', () => {
  it.each(ATTACKS)('removes what could run code: %s', async (attack) => {
    expectSafe(await renderBody(`Before.\n\n${attack}\n\nAfter.`));
  });

  it('renders a body exactly as the configured processor does', async () => {
    const md =
      "## Heading\n\nThe Board's **decision** -- see [SECMP0049](https://example.com/).\n\n| a | b |\n| - | - |\n| 1 | 2 |";
    const html = await renderBody(md);
    expect(html).toBe(await renderMarkdown(md));
    expect(html).toContain('<table>');
  });

  it('renders a missing body as nothing', async () => {
    expect(await renderBody(undefined)).toBe('');
  });
});

describe('Markdown in front matter (event summaries, conclusions)', () => {
  it.each(ATTACKS)('removes what could run code: %s', (attack) => {
    expectSafe(markdownToHtml(attack));
    expectSafe(inlineMarkdownToHtml(attack));
  });

  it('renders one paragraph inline', () => {
    expect(inlineMarkdownToHtml('The *FMR* went to BEIS.')).toBe('The <em>FMR</em> went to BEIS.');
  });
});

describe('MDX pages through the configured MDX processor', () => {
  async function compile(source: string): Promise<string> {
    const renderer = await mdxProcessor.createMdxRenderer!({}, { optimize: false });
    return (await renderer.process(source, '/work/content/pages/test.mdx', {})).code;
  }

  it.each([
    '<script>alert(1)</script>',
    '<p onClick="alert(1)">Click</p>',
    '<a href="javascript:alert(1)">link</a>',
    '[md link](javascript:alert(1))',
    '<iframe src="https://example.com/"></iframe>',
  ])('removes what could run code: %s', async (attack) => {
    const code = await compile(`Before.\n\n${attack}\n\nAfter.`);
    expect(code).not.toMatch(/"script"|alert\(1\)|"iframe"|onClick/);
    expect(code).toContain('After.');
  });

  it('keeps the site components and safe HTML', async () => {
    const code = await compile(
      '<Callout title="Note">Press <kbd>Enter</kbd>.</Callout>\n\n<ModificationCard id="SECMP0049" />',
    );
    expect(code).toMatch(/Callout/);
    expect(code).toMatch(/ModificationCard/);
    expect(code).toContain('"kbd"');
  });

  it('fails on a wrong modification id, an unknown body, imports and expressions, naming the line', async () => {
    await expect(compile('Intro.\n\n<ModificationCard id="SECMP9999" />')).rejects.toMatchObject({
      line: 3,
      column: 1,
      reason: expect.stringMatching(/no modification SECMP9999 in content\/modifications/),
    });
    await expect(compile('<UpcomingMeetings body="nobody" />')).rejects.toThrow(/no such body/);
    await expect(compile("import x from './x.js';\n\nText")).rejects.toThrow(
      /import and export are not allowed/,
    );
    await expect(compile('Text {1 + 1}')).rejects.toThrow(/expressions in braces are not allowed/);
    await expect(compile('<Widget />')).rejects.toThrow(/not a component pages can use/);
  });
});

describe('sanitizeStartTag', () => {
  it('keeps allowed attributes and drops the rest', () => {
    const el = sanitizeStartTag(sanitizeSchema, '<a href="https://x.example/" onclick="y()" title="t">', 'a');
    expect(el?.properties).toEqual({ href: 'https://x.example/', title: 't' });
    expect(sanitizeStartTag(sanitizeSchema, '<td align="left">', 'td')?.tagName).toBe('td');
    expect(sanitizeStartTag(sanitizeSchema, '<iframe src="https://x.example/">', 'iframe')).toBeUndefined();
  });

  it('is a rehype plugin', () => {
    expect(typeof rehypeSanitizeMdx).toBe('function');
  });
});
