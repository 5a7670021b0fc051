/**
 * The machine-readable outputs of the built site match the content: the register as CSV,
 * JSON and XLSX against `registerRows` of the loaded corpus; the iCalendar feeds parsed back
 * with node-ical; feeds, sitemap, robots.txt and the security headers.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ical, { type VEvent } from 'node-ical';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import type { Corpus } from '../../src/lib/corpus.ts';
import { dateKey, timeOf } from '../../src/lib/dates.ts';
import { STAGE_LABELS } from '../../src/lib/labels.ts';
import { meetingsOf } from '../../src/lib/meetings.ts';
import { type RegisterRow, registerRows } from '../../src/lib/register.ts';
import { cspHeader } from '../../src/lib/site/csp.ts';
import { siteConfig } from '../../src/config.ts';
import { readSiteFile, siteDir, siteFiles } from './support/site.ts';

const config = siteConfig();
let corpus: Corpus;
let rows: RegisterRow[];

beforeAll(async () => {
  const loaded = await loadContent(PROJECT_ROOT);
  expect(loaded.problems).toEqual([]);
  corpus = loaded.corpus;
  rows = registerRows(corpus.modifications, corpus, config.asOf);
});

describe('register.json', () => {
  it('has one record per modification with the register rows’ values', async () => {
    const doc = JSON.parse(await readSiteFile('modifications/register.json'));
    expect(doc.version).toBe(1);
    expect(doc.asOf).toBe(config.asOf);
    expect(doc.modifications.map((m: { id: string }) => m.id)).toEqual(rows.map((r) => r.id));
    for (const [i, r] of rows.entries()) {
      const m = doc.modifications[i];
      expect(m.title).toBe(r.title);
      expect(m.stage).toBe(r.stage ?? null);
      expect(m.stageLabel).toBe(r.stage ? STAGE_LABELS[r.stage] : 'Not recorded');
      expect(m.path).toBe(r.path ?? null);
      expect(m.proposer).toBe(r.proposer ?? null);
      expect(m.raised).toBe(r.raised ?? null);
      expect(m.nextKeyDate).toBe(r.nextKeyDate?.date ?? null);
      expect(m.implementationDate).toBe(r.implementationDate ?? null);
      expect(m.targetRelease).toBe(r.targetRelease ?? null);
      expect(m.partiesImpacted).toEqual(r.parties ?? null);
      expect(m.dccImpact).toBe(r.dccImpact ?? null);
      expect(m.url).toBe(`${config.url}/modifications/${r.id.toLowerCase()}/`);
    }
  });

  it('documents every field it has', async () => {
    const doc = JSON.parse(await readSiteFile('modifications/register.json'));
    const documented = doc.fields.map((f: { name: string }) => f.name).sort();
    expect(Object.keys(doc.modifications[0]).sort()).toEqual(documented);
    const docs = await readFile(path.join(PROJECT_ROOT, 'docs/register-data.md'), 'utf8');
    for (const name of documented) expect(docs).toContain(`\`${name}\``);
  });
});

describe('register.csv', () => {
  it('has a header of the field names and the same rows as the register', async () => {
    const text = await readSiteFile('modifications/register.csv');
    const records = parse(text, { bom: true, columns: true }) as Record<string, string>[];
    expect(records.map((r) => r.id)).toEqual(rows.map((r) => r.id));
    for (const [i, r] of rows.entries()) {
      const c = records[i]!;
      expect(c.title).toBe(r.title);
      expect(c.stage).toBe(r.stage ?? '');
      expect(c.nextKeyDate).toBe(r.nextKeyDate?.date ?? '');
      expect(c.implementationDate).toBe(r.implementationDate ?? '');
      expect(c.partiesImpacted).toBe((r.parties ?? []).join('; '));
      expect(c.dccImpact).toBe(r.dccImpact === undefined ? '' : String(r.dccImpact));
    }
  });
});

describe('register.xlsx', () => {
  it('is a workbook with a frozen bold header row and typed date cells', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(siteDir(), 'modifications/register.xlsx'));
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).value).toBe('ID');
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.rowCount).toBe(rows.length + 1);
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = (heading: string) => header.indexOf(heading) + 1;
    for (const [i, r] of rows.entries()) {
      const row = ws.getRow(i + 2);
      expect(row.getCell(col('ID')).value).toBe(r.id);
      const impl = row.getCell(col('Implementation date')).value;
      if (r.implementationDate) {
        expect(impl).toBeInstanceOf(Date);
        expect((impl as Date).toISOString().slice(0, 10)).toBe(r.implementationDate);
      } else {
        expect(impl).toBeNull();
      }
      const next = row.getCell(col('Next key date')).value;
      if (r.nextKeyDate) {
        expect(next).toBeInstanceOf(Date);
        // Wall-clock London time, as written in the content.
        expect((next as Date).toISOString().slice(0, timeOf(r.nextKeyDate.date) ? 16 : 10)).toBe(
          r.nextKeyDate.date,
        );
      }
    }
  });
});

describe('meetings.ics', () => {
  it('holds every meeting with a stable UID and London times', async () => {
    const text = await readSiteFile('meetings.ics');
    expect(text).toContain('BEGIN:VTIMEZONE');
    expect(text).toContain('TZID:Europe/London');
    const cal = ical.sync.parseICS(text);
    const events = Object.values(cal).filter((c) => c?.type === 'VEVENT') as VEvent[];
    expect(events.length).toBe(corpus.meetings.length);
    const host = new URL(config.url).host;
    for (const m of corpus.meetings) {
      const e = events.find((ev) => ev.uid === `${m.id}@${host}`);
      expect(e, m.id).toBeDefined();
      if (timeOf(m.data.date)) {
        // The UTC instant of the London wall-clock time.
        const local = new Date(e!.start).toLocaleString('sv-SE', { timeZone: 'Europe/London' });
        expect(local.slice(0, 16).replace(' ', 'T')).toBe(m.data.date);
      } else {
        expect(e!.datetype).toBe('date');
        const d = e!.start as Date;
        const day = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
        expect(day).toBe(dateKey(m.data.date));
      }
    }
  });

  it('puts the Modifications Question Hour at 11:00 London time on 10 September 2018 (10:00Z)', async () => {
    const cal = ical.sync.parseICS(await readSiteFile('meetings.ics'));
    const e = Object.values(cal).find(
      (c) => c?.type === 'VEVENT' && /Question Hour/.test(String((c as VEvent).summary)),
    ) as VEvent | undefined;
    expect(new Date(e!.start).toISOString()).toBe('2018-09-10T10:00:00.000Z');
    expect(e!.location).toBe('Teleconference');
  });

  it('has one calendar per body with that body’s meetings', async () => {
    for (const body of corpus.bodies) {
      const text = await readSiteFile(`meetings/${body.id}.ics`);
      const events = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT');
      expect(events.length, body.id).toBe(meetingsOf(corpus.meetings, body.id).length);
    }
  });
});

describe('feeds, sitemap, robots and headers', () => {
  it('rss.xml lists the news and the newsletters with absolute links', async () => {
    const xml = await readSiteFile('rss.xml');
    for (const n of corpus.news) expect(xml).toContain(`${config.url}/news/${n.id}/`);
    for (const n of corpus.newsletters) expect(xml).toContain(`${config.url}/newsletters/${n.id}/`);
  });

  it('consultations/rss.xml lists the consultations that have opened', async () => {
    const xml = await readSiteFile('consultations/rss.xml');
    for (const c of corpus.consultations) {
      if (!c.data.opens || dateKey(c.data.opens) <= config.asOf)
        expect(xml).toContain(`/consultations/${c.id}/`);
    }
  });

  it('has a sitemap index on the site URL and a robots.txt pointing at it', async () => {
    const files = await siteFiles();
    expect(files).toContain('sitemap-index.xml');
    const sitemap = await readSiteFile('sitemap-0.xml');
    expect(sitemap).toContain(`<loc>${config.url}/modifications/secmp0049/</loc>`);
    expect(await readSiteFile('robots.txt')).toContain(`Sitemap: ${config.url}/sitemap-index.xml`);
  });

  it('ships a _headers file with the Content-Security-Policy of the pages', async () => {
    const headers = await readSiteFile('_headers');
    expect(headers).toContain(`Content-Security-Policy: ${cspHeader}`);
    expect(headers).toContain("frame-ancestors 'none'");
  });
});
