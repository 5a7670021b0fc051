/**
 * The built site in Debian's Chromium: no axe-core violations (WCAG 2.2 AA), no console
 * errors or Content-Security-Policy violations, the register's filters and sorting, and
 * screenshots for people to look at.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSP_LISTENER, cspViolations, launch, watchProblems } from './support/browser.ts';
import { serveSite } from './support/site.ts';

const SCREENSHOTS = path.resolve(import.meta.dirname, '../output/screenshots');

let server: Awaited<ReturnType<typeof serveSite>>;
let browser: Awaited<ReturnType<typeof launch>>;
let context: BrowserContext;

beforeAll(async () => {
  server = await serveSite();
  browser = await launch();
  context = browser.context;
  await context.addInitScript(CSP_LISTENER);
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function open(pathname: string): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems = watchProblems(page);
  const response = await page.goto(`${server.url}${pathname}`, { waitUntil: 'networkidle' });
  expect(response?.status(), pathname).toBe(200);
  return { page, problems };
}

const rowIds = (page: Page) =>
  page.$$eval('#register tbody tr:not([hidden])', (trs) => trs.map((tr) => (tr as HTMLElement).dataset.id));

const PAGES = [
  '/',
  '/modifications/',
  '/modifications/?stage=refinement',
  '/modifications/secmp0049/',
  '/meetings/2018-08-10-sec-panel/',
  '/meetings/',
  '/news/2018-08-changes-to-the-modification-process/',
  '/search/?q=firmware',
  '/parties/',
  '/modifications/process/',
];

describe('accessibility, CSP and console', () => {
  it.each(PAGES)(
    '%s: no axe violations (WCAG 2.2 AA), console errors or CSP violations',
    async (pathname) => {
      const { page, problems } = await open(pathname);
      if (pathname.startsWith('/search/')) {
        await page.waitForSelector('#search-results li', { timeout: 10_000 });
      }
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
        .analyze();
      const violations = results.violations.map(
        (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
      );
      expect(violations).toEqual([]);
      expect(results.passes.length).toBeGreaterThan(10);
      expect(await cspViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
      expect(csp).toContain("script-src 'self'");
      await page.close();
    },
  );
});

describe('the Modifications Register in the browser', () => {
  it('shows every row, then filters by stage and keeps the filter in the URL', async () => {
    const { page, problems } = await open('/modifications/');
    const all = await rowIds(page);
    expect(all.length).toBe(16);
    await page.selectOption('#filter-stage', 'refinement');
    expect(page.url()).toContain('stage=refinement');
    const refinement = await rowIds(page);
    expect(refinement).toEqual(['SECMP0057', 'SECMP0058']);
    expect(await page.textContent('#register-count')).toContain('Showing 2 of 16');
    await page.selectOption('#filter-stage', '');
    await page.fill('#filter-q', 'section d review');
    expect(await rowIds(page)).toEqual(['SECMP0049', 'SECMP0050', 'SECMP0051']);
    expect(new URL(page.url()).searchParams.get('q')).toBe('section d review');
    await page.click('#filter-clear');
    expect((await rowIds(page)).length).toBe(16);
    expect(new URL(page.url()).search).toBe('');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters by path and by party impacted', async () => {
    const { page } = await open('/modifications/');
    await page.selectOption('#filter-path', 'self-governance');
    const selfGov = await rowIds(page);
    expect(selfGov).toContain('SECMP0050');
    expect(selfGov).not.toContain('SECMP0049');
    await page.selectOption('#filter-path', '');
    await page.selectOption('#filter-party', 'dcc');
    expect(page.url()).toContain('party=dcc');
    await page.close();
  });

  it('sorts by a column when its heading is clicked, both ways', async () => {
    const { page } = await open('/modifications/');
    await page.click('th[data-sort="title"] button');
    const asc = await page.$$eval('#register tbody tr:not([hidden]) .sec-register__title', (tds) =>
      tds.map((td) => td.textContent!.trim()),
    );
    expect(asc).toEqual([...asc].sort((a, b) => a.localeCompare(b)));
    expect(await page.getAttribute('th[data-sort="title"]', 'aria-sort')).toBe('ascending');
    expect(page.url()).toContain('sort=title');
    await page.click('th[data-sort="title"] button');
    const desc = await page.$$eval('#register tbody tr:not([hidden]) .sec-register__title', (tds) =>
      tds.map((td) => td.textContent!.trim()),
    );
    expect(desc).toEqual([...asc].reverse());
    expect(await page.getAttribute('th[data-sort="title"]', 'aria-sort')).toBe('descending');
    expect(page.url()).toContain('order=desc');
    await page.close();
  });

  it('opens a permalink with the filter and sort it names', async () => {
    const { page } = await open('/modifications/?stage=report-phase&sort=id&order=desc');
    const ids = await rowIds(page);
    expect(ids.length).toBeGreaterThan(1);
    expect(ids).toEqual([...ids].sort().reverse());
    expect(await page.inputValue('#filter-stage')).toBe('report-phase');
    await page.close();
  });

  it('without JavaScript shows the full table and no filter form', async () => {
    const noJs = await browser.context
      .browser()!
      .newContext?.({ javaScriptEnabled: false })
      .catch(() => undefined);
    const page = noJs ? await noJs.newPage() : await context.newPage();
    if (!noJs) await page.route('**/*.js', (r) => r.abort());
    await page.goto(`${server.url}/modifications/?stage=refinement`);
    expect((await rowIds(page)).length).toBe(16);
    expect(await page.isVisible('#register-filters')).toBe(false);
    await page.close();
    await noJs?.close();
  });
});

describe('screenshots', () => {
  it('writes the home page, the register (desktop and 375 px) and SECMP0049', async () => {
    await mkdir(SCREENSHOTS, { recursive: true });
    const shots: [string, string, number][] = [
      ['home', '/', 1280],
      ['register-desktop', '/modifications/', 1280],
      ['register-375', '/modifications/', 375],
      ['secmp0049', '/modifications/secmp0049/', 1280],
      ['secmp0049-375', '/modifications/secmp0049/', 375],
    ];
    for (const [name, pathname, width] of shots) {
      const page = await context.newPage();
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`${server.url}${pathname}`, { waitUntil: 'networkidle' });
      const file = path.join(SCREENSHOTS, `${name}.png`);
      const png = await page.screenshot({ path: file, fullPage: true });
      expect(png.length).toBeGreaterThan(10_000);
      await page.close();
    }
  });
});
