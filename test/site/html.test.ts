/** Every built page is valid HTML, and every internal link and asset resolves. */
import { load } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { htmlPages, readSiteFile, resolvePath, siteDir } from './support/site.ts';

let pages: string[];
beforeAll(async () => {
  pages = await htmlPages();
});

describe('the built site', () => {
  it('has every page the issue lists', async () => {
    for (const page of [
      'index.html',
      '404.html',
      'modifications/index.html',
      'modifications/secmp0049/index.html',
      'modifications/process/index.html',
      'meetings/index.html',
      'meetings/2018-09-10-modifications-question-hour/index.html',
      'governance/sec-panel/index.html',
      'news/index.html',
      'consultations/index.html',
      'designations/index.html',
      'parties/index.html',
      'newsletters/index.html',
      'search/index.html',
      'about/index.html',
    ]) {
      expect(pages, page).toContain(page);
    }
  });

  it('every page passes html-validate with no errors', async () => {
    const validator = new HtmlValidate({
      extends: ['html-validate:recommended'],
      rules: {
        // Astro writes void elements as <meta …> and GOV.UK markup has long lines of inline text.
        'void-style': 'off',
        // Prettier-formatted Astro templates leave whitespace inside inline elements.
        'no-trailing-whitespace': 'off',
        // GOV.UK Frontend's own markup uses these patterns.
        'no-redundant-role': 'off',
        // Page titles carry the full modification title, which is often long; it is what readers search for.
        'long-title': 'off',
      },
    });
    const failures: string[] = [];
    for (const page of pages) {
      const report = await validator.validateString(await readSiteFile(page), page);
      for (const r of report.results) {
        for (const m of r.messages.filter((m) => m.severity === 2)) {
          failures.push(`${page}:${m.line}:${m.column} ${m.ruleId}: ${m.message}`);
        }
      }
    }
    expect(failures).toEqual([]);
    expect(pages.length).toBeGreaterThan(60);
  });

  it('every internal link and asset resolves to a built file', async () => {
    const dir = siteDir();
    const broken: string[] = [];
    let checked = 0;
    for (const page of pages) {
      const html = await readSiteFile(page);
      const base = `/${path.posix.dirname(page) === '.' ? '' : `${path.posix.dirname(page)}/`}`;
      for (const m of html.matchAll(/\s(?:href|src)="([^"]+)"/g)) {
        const raw = m[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|tel:|data:)/.test(raw) || raw.startsWith('#')) continue;
        const url = new URL(raw, `http://site${base}`);
        checked++;
        if (!(await resolvePath(dir, url.pathname))) broken.push(`${page} → ${raw}`);
        if (url.hash && url.hash.length > 1) {
          const target = await resolvePath(dir, url.pathname);
          const targetHtml = target ? await readSiteFile(path.relative(dir, target)) : '';
          if (
            target?.endsWith('.html') &&
            !targetHtml.includes(`id="${decodeURIComponent(url.hash.slice(1))}"`)
          ) {
            broken.push(`${page} → ${raw} (no such anchor)`);
          }
        }
      }
    }
    expect(broken).toEqual([]);
    expect(checked).toBeGreaterThan(500);
  });

  it('has no inline script, event handler, javascript: URL or iframe on any page', async () => {
    const found: string[] = [];
    for (const page of pages) {
      const html = await readSiteFile(page);
      for (const m of html.matchAll(/<script\b[^>]*>/g)) {
        const ok =
          /type="module" src="\/_astro\/[^"]+\.js"/.test(m[0]) || /type="application\/json"/.test(m[0]);
        if (!ok) found.push(`${page}: ${m[0]}`);
      }
      for (const m of html.matchAll(/<[a-z][^>]*\son[a-z]+=|javascript:|<iframe|\sstyle="/gi)) {
        found.push(`${page}: ${m[0]}`);
      }
    }
    expect(found).toEqual([]);
  });

  it('keeps the spaces around links and none before punctuation', async () => {
    const glued: string[] = [];
    for (const page of pages) {
      const html = (await readSiteFile(page)).replace(/<script[\s\S]*?<\/script>/g, '');
      // A word run into a link or out of one: “contact SECAS at<a …>”, “calendar</a>(iCalendar)”.
      for (const m of html.matchAll(/[A-Za-z0-9:,;.)]<a\s[^>]*>|<\/a>[A-Za-z0-9(]/g)) {
        glued.push(`${page}: …${html.slice(Math.max(0, m.index - 30), m.index + 30)}…`);
      }
      const text = html.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
      for (const m of text.matchAll(/\w [,.;:)](?!\d)|·\w|\w·/g)) {
        glued.push(`${page}: …${text.slice(Math.max(0, m.index - 30), m.index + 10)}…`);
      }
    }
    expect(glued).toEqual([]);
  });

  it('links absolute URLs only on the configured site, canonical and Open Graph', async () => {
    const html = await readSiteFile('modifications/secmp0049/index.html');
    expect(html).toContain(
      '<link rel="canonical" href="https://sec-press.example/modifications/secmp0049/">',
    );
    expect(html).toContain(
      '<meta property="og:url" content="https://sec-press.example/modifications/secmp0049/">',
    );
    expect(html).toMatch(/<meta property="og:title" content="SECMP0049: Section D Review/);
    expect(html).toContain(
      '<link rel="alternate" type="application/rss+xml" title="SEC news and newsletters" href="/rss.xml">',
    );
    expect(html).toContain('href="/consultations/rss.xml"');
  });
});

describe('Markdown bodies on their pages', () => {
  /** Each Markdown heading of a content file's body (`## …` lines), as an editor wrote it. */
  const headingsOf = (file: string) =>
    [...readFileSync(path.join(PROJECT_ROOT, file), 'utf8').matchAll(/^##\s+(.+)$/gm)].map((m) =>
      m[1]!.trim(),
    );
  /** The first bullet of a body, without its Markdown emphasis. */
  const firstBulletOf = (file: string) =>
    /^- \*\*(.+?)\*\*/m.exec(readFileSync(path.join(PROJECT_ROOT, file), 'utf8'))?.[1];

  it.each([['content/modifications/SECMP0049.md', 'modifications/secmp0049/index.html']])(
    '%s: every heading of its body is an <h2> of the page',
    async (file, page) => {
      const $ = load(await readSiteFile(page));
      const headings = $('.sec-prose h2')
        .map((_, h) => $(h).text().trim())
        .get();
      expect(headingsOf(file).length).toBeGreaterThan(0);
      expect(headings).toEqual(expect.arrayContaining(headingsOf(file)));
    },
  );

  it('a meeting page shows its headlines', async () => {
    const file = 'content/meetings/2018-08-10-sec-panel.md';
    const $ = load(await readSiteFile('meetings/2018-08-10-sec-panel/index.html'));
    const bullet = firstBulletOf(file);
    expect(bullet).toBeTruthy();
    expect($('.sec-prose li strong').first().text()).toBe(bullet);
  });
});
