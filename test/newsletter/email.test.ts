/**
 * The August 2018 email, rendered from the example content: valid, safe, accessible, and
 * carrying every fact of the real newsletter in the section the real one has it in.
 */
import { type CheerioAPI, load } from 'cheerio';
import { HtmlValidate } from 'html-validate';
import { simpleParser } from 'mailparser';
import { beforeAll, describe, expect, it } from 'vitest';
import { MERGE_TAGS, personalise } from '../../src/lib/newsletter/merge-tags.ts';
import type { RenderedIssue } from '../../src/lib/newsletter/render/index.ts';
import { CONFIG, augustEmail, augustIssue } from './support/example.ts';
import { EMAIL_HTML_VALIDATE } from './support/html-validate.ts';
import { readSeed, type SeedSection, SEED_HEADINGS } from './support/seed.ts';

const seed = readSeed();
let email: RenderedIssue;
let $: CheerioAPI;

beforeAll(async () => {
  email = await augustEmail();
  $ = load(email.html);
});

/** Our section's HTML and its text: the seed's editorial is our editorial with its featured items. */
const html = (section: SeedSection) => {
  const el = $(`.nl-section--${section}`);
  expect(el.length, `section ${section}`).toBe(1);
  return el.html() ?? '';
};
const textOf = (section: SeedSection) => $(`.nl-section--${section}`).text().replace(/\s+/g, ' ');

/** The plain-text part cut at its section headings (underlined with =). */
function textSections(text: string): Record<SeedSection, string> {
  const starts = (title: string) => text.search(new RegExp(`^${title}\\n=+$`, 'm'));
  const gov = starts(SEED_HEADINGS.governance);
  const change = starts(SEED_HEADINGS.change);
  const info = starts(SEED_HEADINGS.information);
  const contents = starts('Also in this edition');
  for (const i of [gov, change, info, contents]) expect(i).toBeGreaterThan(0);
  return {
    editorial: text.slice(0, contents),
    governance: text.slice(gov, change),
    change: text.slice(change, info),
    information: text.slice(info),
  };
}

describe('the seed, as the tests read it', () => {
  it('has the facts the issue names', () => {
    expect(seed.partyCounts.map((p) => p.count)).toEqual([308, 26, 20, 24, 146, 92]);
    expect(seed.designations).toEqual(['5.21']);
    expect(seed.panelMembers).toHaveLength(4);
    expect(seed.calendar).toHaveLength(8);
    expect(seed.deadlines.length).toBeGreaterThanOrEqual(4);
  });
});

describe('fidelity: every fact of the real newsletter, in its section', () => {
  const sections: SeedSection[] = ['editorial', 'governance', 'change', 'information'];

  it('has the sections in the seed’s order', () => {
    const order = ['editorial', 'contents', 'governance', 'change', 'information'];
    const positions = order.map((s) => email.html.indexOf(`nl-section--${s}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it.each(sections)('%s: every modification id the seed names there', (section) => {
    const text = textSections(email.text)[section];
    for (const id of seed.modificationIds[section]) {
      expect(html(section), `${id} in the ${section} HTML`).toContain(id);
      expect(text, `${id} in the ${section} text`).toContain(id);
    }
  });

  it('SEC governance: every Panel Member elected', () => {
    const text = textSections(email.text).governance;
    for (const name of seed.panelMembers) {
      expect(textOf('governance')).toContain(name);
      expect(text).toContain(name);
    }
  });

  it.each(seed.deadlines.map((d) => [d.section, d.date] as const))(
    '%s: the consultation deadline %s',
    (section, date) => {
      expect(textOf(section)).toContain(date);
      expect(textSections(email.text)[section].replace(/\s+/g, ' ')).toContain(date);
    },
  );

  it('Information: every calendar date, as a row of the calendar with its meeting number', () => {
    const rows = $('.nl-section--information table.data tr')
      .toArray()
      .map((tr) => $(tr).text().replace(/\s+/g, ' '));
    const text = textSections(email.text).information;
    for (const { date, number } of seed.calendar) {
      expect(
        rows.some((r) => r.includes(date) && new RegExp(`meeting ${number}\\b`, 'i').test(r)),
        `${date} ${number}`,
      ).toBe(true);
      expect(
        text.split('\n').some((l) => l.includes(date) && new RegExp(`meeting ${number}\\b`, 'i').test(l)),
      ).toBe(true);
    }
  });

  it('Information: the SEC Parties table, row by row, with the total 308', () => {
    const rows = $('.nl-section--information table.data tr')
      .toArray()
      .map((tr) =>
        $(tr)
          .children('th, td')
          .map((_, c) => $(c).text().trim())
          .get()
          .join(' '),
      );
    const lines = textSections(email.text).information.split('\n');
    for (const { label, count } of seed.partyCounts) {
      expect(rows, label).toContain(`${label} ${count}`);
      expect(
        lines.some((l) => new RegExp(`^\\s*${label}\\s+${count}$`).test(l)),
        `${label} in text`,
      ).toBe(true);
    }
  });

  it('Change update: designation 5.21', () => {
    for (const version of seed.designations) {
      expect(textOf('change')).toContain(`SEC version ${version}`);
      expect(textSections(email.text).change).toContain(version);
    }
  });
});

describe('a valid, safe email', () => {
  it('passes html-validate with the email configuration', async () => {
    const report = await new HtmlValidate(EMAIL_HTML_VALIDATE).validateString(email.html);
    const messages = report.results.flatMap((r) =>
      r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`),
    );
    expect(messages).toEqual([]);
  });

  it('has no script', () => {
    expect($('script').length).toBe(0);
    expect(email.html).not.toMatch(/<script|javascript:/i);
  });

  it('has no relative URL: every link and image is absolute, or a merge tag', () => {
    const urls = $('[href], [src]')
      .toArray()
      .map((el) => $(el).attr('href') ?? $(el).attr('src') ?? '');
    expect(urls.length).toBeGreaterThan(50);
    const mergeTags = new Set<string>(Object.values(MERGE_TAGS));
    const relative = urls.filter((u) => !mergeTags.has(u) && !/^(https:\/\/|mailto:)/.test(u));
    expect(relative).toEqual([]);
  });

  it('gives every image alternative text', () => {
    expect($('img:not([alt])').length).toBe(0);
  });

  it('is at most 102 KB', () => {
    expect(Buffer.byteLength(email.html)).toBeLessThanOrEqual(102 * 1024);
    expect(email.warnings).toEqual([]);
  });
});

describe('links', () => {
  it('opens with “View in browser”, linking the web version', () => {
    const first = $('[role="article"] a').first();
    expect(first.text()).toMatch(/view .* in your browser/i);
    expect(first.attr('href')).toBe(`${CONFIG.url}/newsletters/2018-08/`);
  });

  it('links the Modifications Register downloads', () => {
    const hrefs = $('.nl-section--change a')
      .map((_, a) => $(a).attr('href'))
      .get();
    expect(hrefs).toEqual(
      expect.arrayContaining([
        `${CONFIG.url}/modifications/register.xlsx`,
        `${CONFIG.url}/modifications/register.csv`,
      ]),
    );
  });

  it('has an unsubscribe link to the configured placeholder', () => {
    const unsubscribe = $('a').filter((_, a) => /unsubscribe/i.test($(a).text()));
    expect(unsubscribe.attr('href')).toBe(CONFIG.newsletter.unsubscribeUrl);
    expect(CONFIG.newsletter.unsubscribeUrl).toBe(MERGE_TAGS.unsubscribeUrl);
  });

  it('greets each subscriber by name, with a fallback', () => {
    expect(email.html).toContain(`Hi ${MERGE_TAGS.name},`);
    expect(email.text).toContain(`Hi ${MERGE_TAGS.name},`);
    expect(personalise(email.html, { name: 'Ada <Lovelace>' }, 'html')).toContain('Hi Ada &lt;Lovelace&gt;,');
    expect(personalise(email.text, {}, 'text')).toContain('Hi there,');
  });

  it('carries the preheader, hidden, before the body', async () => {
    const issue = await augustIssue();
    const hidden = $('body > div').first();
    expect(hidden.attr('style')).toContain('display:none');
    expect(hidden.text().trim()).toBe(issue.preheader);
    expect(email.text).not.toContain(issue.preheader);
  });
});

describe('accessible', () => {
  it('declares its language', () => {
    expect($('html').attr('lang')).toBe('en-GB');
  });

  it('has the title as its one h1', () => {
    expect($('h1').length).toBe(1);
    expect($('h1').text()).toBe('SEC Newsletter August 2018');
  });

  it('has an h2 per section', () => {
    for (const [id, title] of [
      ['contents', 'Also in this edition'],
      ['governance', 'SEC governance'],
      ['change', 'Change update'],
      ['information', 'Information and consultations'],
    ]) {
      expect($(`.nl-section--${id} h2`).first().text()).toBe(title);
    }
    // The editorial's featured articles are h2s of their own.
    expect(
      $('.nl-section--editorial h2')
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(['Changes to the SEC Modification Process', 'Introduction to the SEC, 19th September 2018']);
  });

  it('uses real lists, never typed bullets', () => {
    expect($('ul li').length).toBeGreaterThan(40);
    expect($('[role="article"]').text()).not.toMatch(/^\s*[•·*-]\s/m);
  });

  it('marks layout tables as presentation and gives data tables header cells with a scope', () => {
    const tables = $('table').toArray();
    const data = tables.filter((t) => $(t).hasClass('data'));
    expect(data.length).toBe(3); // election result, SEC Parties, calendar
    for (const t of tables) {
      if ($(t).hasClass('data')) {
        expect($(t).attr('role')).toBeUndefined();
        expect($(t).find('th').length).toBeGreaterThan(0);
        $(t)
          .find('th')
          .each((_, th) => {
            expect(['col', 'row']).toContain($(th).attr('scope'));
          });
      } else expect($(t).attr('role')).toBe('presentation');
    }
  });

  it('is a single column 600 px wide', () => {
    expect(email.html).toMatch(/max-width:600px/);
    expect($('.mj-column-per-100').length).toBeGreaterThan(0);
    expect(email.html).not.toMatch(/mj-column-per-(?!100)\d+/);
  });
});

describe('the .eml', () => {
  it('parses back into the same subject, HTML, text and headers', async () => {
    const mail = await simpleParser(email.eml);
    expect(mail.subject).toBe('SEC Newsletter August 2018');
    expect(mail.html).toBe(email.html);
    expect(mail.text).toBe(email.text);
    expect(mail.from?.value).toEqual([CONFIG.newsletter.from]);
    expect(mail.date?.toISOString()).toBe('2018-08-31T08:00:00.000Z');
    const header = (name: string) =>
      mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n(?=[ \t])/g, '');
    expect(header('list-unsubscribe')).toBe(
      `List-Unsubscribe: <mailto:${CONFIG.newsletter.send.unsubscribeMailto}?subject=unsubscribe>, <${CONFIG.newsletter.unsubscribeUrl}>`,
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(email.eml.toString()).toMatch(/^Content-Type: multipart\/alternative;/m);
  });

  it('agrees with issue.json', () => {
    expect(email.meta).toMatchObject({
      month: '2018-08',
      subject: 'SEC Newsletter August 2018',
      from: CONFIG.newsletter.from,
      webUrl: `${CONFIG.url}/newsletters/2018-08/`,
      files: { html: 'email.html', text: 'email.txt', eml: 'email.eml' },
      sizes: {
        html: Buffer.byteLength(email.html),
        text: Buffer.byteLength(email.text),
        eml: email.eml.length,
      },
      headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    });
  });
});
