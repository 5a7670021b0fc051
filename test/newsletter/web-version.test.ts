/**
 * The web version, `/newsletters/2018-08/`, as `npm run build` writes it: the same issue
 * model in the site's style, with every fact of the real newsletter in its section. Uses the
 * site the test run's globalSetup built, or builds one when run on its own.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { type CheerioAPI, load } from 'cheerio';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NODE } from './support/command.ts';
import { ROOT } from './support/example.ts';
import { readSeed } from './support/seed.ts';

const seed = readSeed();
let dir: string;
let ownBuild: string | undefined;
let $: CheerioAPI;

function build(out: string): Promise<void> {
  return new Promise((resolve, reject) =>
    execFile(NODE, ['src/cli/build.ts', '--out', out], { cwd: ROOT }, (error, stdout, stderr) =>
      error ? reject(new Error(`${error.message}\n${stdout}\n${stderr}`)) : resolve(),
    ),
  );
}

beforeAll(async () => {
  let site = inject('siteDir');
  if (!site) {
    // Outside the project: a built site under it would be type-checked and linted.
    ownBuild = await mkdtemp(path.join(tmpdir(), 'nl-site-'));
    site = path.join(ownBuild, 'dist');
    await build(site);
  }
  dir = path.join(site, 'newsletters/2018-08');
  $ = load(await readFile(path.join(dir, 'index.html'), 'utf8'));
}, 300_000);

afterAll(() => (ownBuild ? rm(ownBuild, { recursive: true, force: true }) : undefined));

const text = (selector: string) => $(selector).text().replace(/\s+/g, ' ');

describe('the web version of August 2018', () => {
  it('sits beside the email the build wrote for the same issue, and nothing else', async () => {
    expect((await readdir(dir)).sort()).toEqual([
      'email.eml',
      'email.html',
      'email.txt',
      'index.html',
      'issue.json',
    ]);
  });

  it('is a page of the site with the issue’s title as its h1', () => {
    expect($('h1').text().trim()).toBe('SEC Newsletter August 2018');
    expect($('header.govuk-template__header').length).toBe(1);
    expect($('main .govuk-heading-l').length).toBeGreaterThan(4);
  });

  it('has the sections in the seed’s order, each an anchor for the email’s contents links', () => {
    const ids = $('main section, main nav')
      .map((_, el) => $(el).attr('aria-labelledby'))
      .get();
    expect(ids).toEqual(['contents', 'governance', 'change', 'information']);
    for (const id of ['governance', 'change', 'information']) {
      expect($(`nav a[href="#${id}"]`).length).toBe(1);
      expect($(`section > h2#${id}`).length).toBe(1);
    }
  });

  it('carries every modification id of each seed section in the same section', () => {
    const editorial = $('main article')
      .map((_, a) => $(a).text())
      .get()
      .join(' ');
    for (const id of seed.modificationIds.editorial) expect(editorial).toContain(id);
    for (const section of ['governance', 'change', 'information'] as const) {
      for (const id of seed.modificationIds[section])
        expect(text(`section[aria-labelledby=${section}]`), `${id} in ${section}`).toContain(id);
    }
  });

  it('carries the Panel Members, deadlines, calendar, party counts and designation in their sections', () => {
    for (const name of seed.panelMembers) expect(text('section[aria-labelledby=governance]')).toContain(name);
    for (const { section, date } of seed.deadlines)
      expect(text(`section[aria-labelledby=${section}]`)).toContain(date);
    const rows = $('section[aria-labelledby=information] table tr')
      .toArray()
      .map((tr) =>
        $(tr)
          .children('th, td')
          .map((_, c) => $(c).text().replace(/\s+/g, ' ').trim())
          .get()
          .join(' '),
      );
    for (const { date, number } of seed.calendar) {
      expect(
        rows.some((r) => r.includes(date) && new RegExp(`meeting ${number}$`, 'i').test(r)),
        date,
      ).toBe(true);
    }
    for (const { label, count } of seed.partyCounts) expect(rows).toContain(`${label} ${count}`);
    for (const version of seed.designations)
      expect(text('section[aria-labelledby=change]')).toContain(`SEC version ${version}`);
  });
});
