/**
 * What the search index covers: the `<main>` of content pages, not lists of other pages nor
 * the links to other pages inside a content page (each entry is found on its own page), and
 * every page marked for indexing is in the built index.
 */
import * as cheerio from 'cheerio';
import { describe, expect, it } from 'vitest';
import { htmlPages, readSiteFile } from './support/site.ts';

const LISTS = [
  'index.html',
  'modifications/index.html',
  'meetings/index.html',
  'news/index.html',
  'consultations/index.html',
  'search/index.html',
  '404.html',
];
const CONTENT = [
  'modifications/secmp0049/index.html',
  'meetings/2018-08-10-sec-panel/index.html',
  'news/2018-08-changes-to-the-modification-process/index.html',
  'consultations/dcc-bcdr-testing/index.html',
  'governance/sec-panel/index.html',
  'designations/index.html',
  'about/index.html',
];
/** Lists of links to other pages, wherever they appear. */
const LINK_LISTS = 'aside.sec-aside, table.sec-meetings, ul.sec-mod-links, .sec-card';

describe('search index coverage', () => {
  it.each(LISTS)('%s is not indexed', async (file) => {
    const $ = cheerio.load(await readSiteFile(file));
    expect($('[data-pagefind-body]')).toHaveLength(0);
  });

  it.each(CONTENT)('%s is indexed from its <main>', async (file) => {
    const $ = cheerio.load(await readSiteFile(file));
    expect(
      $('[data-pagefind-body]')
        .toArray()
        .map((e) => e.tagName),
    ).toEqual(['main']);
  });

  it('leaves out the lists of links to other pages in every indexed page', async () => {
    let lists = 0;
    for (const file of await htmlPages()) {
      const $ = cheerio.load(await readSiteFile(file));
      if ($('[data-pagefind-body]').length === 0) continue;
      $(LINK_LISTS).each((_, el) => {
        lists++;
        expect($(el).closest('[data-pagefind-ignore]').length, `${file}: ${$(el).attr('class')}`).toBe(1);
      });
    }
    // The example content has related modifications, meeting tables and cards to leave out.
    expect(lists).toBeGreaterThan(20);
  });

  it("indexes a newsletter issue's editorial and headings, not its items (each has its own page)", async () => {
    const $ = cheerio.load(await readSiteFile('newsletters/2018-08/index.html'));
    const indexed = $('[data-pagefind-body]').clone();
    indexed.find('[data-pagefind-ignore]').remove();
    const text = indexed.text().replace(/\s+/g, ' ');
    // The editor's words and every section's and block's heading stay findable…
    expect(text).toContain($('h1').first().text().trim());
    for (const heading of $('main h2, main h3').toArray()) {
      if ($(heading).closest('[data-pagefind-ignore]').length === 0)
        expect(text).toContain($(heading).text().trim());
    }
    expect(
      $('main h3')
        .toArray()
        .filter((h) => $(h).closest('[data-pagefind-ignore]').length === 0),
    ).not.toHaveLength(0);
    // …the items of the blocks, which link to their own pages, do not.
    const blocks = $('main .sec-section > h3 + [data-pagefind-ignore]');
    expect(blocks.length).toBeGreaterThan(10);
    const ids = (t: string) => new Set(t.match(/SECMP\d{4}/g));
    const inBlocks = ids(blocks.text());
    const indexedIds = ids(text);
    expect([...inBlocks].filter((id) => !indexedIds.has(id)).length).toBeGreaterThan(3);
    const blockLinks = $('main section.sec-section > div.sec-section a[href]').toArray();
    expect(blockLinks.length).toBeGreaterThan(20);
    for (const link of blockLinks) {
      expect($(link).closest('[data-pagefind-ignore]').length, $(link).attr('href')).toBe(1);
    }
  });

  it('holds every page marked for indexing, and no other', async () => {
    let marked = 0;
    for (const file of await htmlPages()) {
      if (cheerio.load(await readSiteFile(file))('[data-pagefind-body]').length > 0) marked++;
    }
    const entry = JSON.parse(await readSiteFile('pagefind/pagefind-entry.json')) as {
      languages: Record<string, { page_count: number }>;
    };
    expect(Object.keys(entry.languages)).toEqual(['en']);
    expect(entry.languages.en!.page_count).toBe(marked);
    expect(marked).toBeGreaterThan(50);
  });
});
