/**
 * The August email in Debian's Chromium at 600 px (the email's width) and 375 px (a
 * phone): screenshots to look at in test/output/screenshots/, no sideways scrolling,
 * and axe-core's WCAG 2 AA checks, contrast included.
 */
import { AxeBuilder } from '@axe-core/playwright';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launch } from '../site/support/browser.ts';
import { augustEmail, ROOT } from './support/example.ts';

const SCREENSHOTS = path.join(ROOT, 'test/output/screenshots');
let context: BrowserContext;
let close: (() => Promise<void>) | undefined;
let file: string;

beforeAll(async () => {
  const email = await augustEmail();
  await mkdir(SCREENSHOTS, { recursive: true });
  file = path.join(ROOT, 'test/output/newsletter/2018-08/email.html');
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, email.html);
  ({ context, close } = await launch());
  // Nothing leaves the machine: the email's links point at the site, never fetched here.
  await context.route(/^https?:/, (route) => route.abort());
});

afterAll(async () => {
  await close?.();
});

describe.each([600, 375])('email.html at %i px', (width) => {
  it('fits the width, is screenshot, and passes axe’s WCAG 2 AA checks', async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`file://${file}`);
    const size = await page.evaluate(() => ({
      scroll: document.documentElement.scrollWidth,
      column: document.querySelector('[role="article"] > div')?.getBoundingClientRect().width ?? 0,
    }));
    expect(size.scroll).toBeLessThanOrEqual(width);
    expect(size.column).toBe(Math.min(600, width));
    await page.screenshot({
      path: path.join(SCREENSHOTS, `newsletter-2018-08-${width}.png`),
      fullPage: true,
    });
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
    await page.close();
  }, 120_000);
});
