/** The register and meeting exports as pure functions, on small hand-made content. */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import ical, { type VEvent } from 'node-ical';
import { describe, expect, it } from 'vitest';
import type { Entry } from '../../src/lib/corpus.ts';
import { meetingsCalendar, meetingUid } from '../../src/lib/exports/calendar.ts';
import { registerCsv, registerJson, registerXlsx, spreadsheetDate } from '../../src/lib/exports/formats.ts';
import { REGISTER_FIELDS, registerRecords } from '../../src/lib/exports/register.ts';
import type { RegisterRow } from '../../src/lib/register.ts';
import { type Body, type Meeting, schemas } from '../../src/schemas/index.ts';

const ROWS: RegisterRow[] = [
  {
    id: 'SECMP0049',
    title: 'Section D Review: Amendments to the Modification Process',
    stage: 'with-authority',
    path: 'authority-determined',
    proposer: undefined,
    raised: '2018-02',
    nextKeyDate: { date: '2018-11-01', kind: 'implementation' },
    targetRelease: 'November 2018 SEC Release',
    implementationDate: '2018-11-01',
    parties: ['large-suppliers', 'dcc'],
    dccImpact: false,
  },
  {
    id: 'SECMP0005',
    title: 'Include Tariff and Register Labels in SMETS Devices, "quoted"',
    stage: undefined,
    path: undefined,
    proposer: 'A Party',
    raised: undefined,
    nextKeyDate: { date: '2018-09-06T17:00', kind: 'adoption-window-closes' },
    targetRelease: undefined,
    implementationDate: undefined,
    parties: undefined,
    dccImpact: true,
  },
];

describe('register records', () => {
  const records = registerRecords(ROWS, 'https://sec.example');

  it('have every documented field, null for what is missing, labels beside codes', () => {
    for (const r of records) expect(Object.keys(r).sort()).toEqual(REGISTER_FIELDS.map((f) => f.name).sort());
    expect(records[0]).toMatchObject({
      url: 'https://sec.example/modifications/secmp0049/',
      stageLabel: 'With the Authority',
      pathLabel: 'Authority Determined',
      partiesImpactedLabels: ['Large Suppliers', 'DCC'],
      nextKeyDateEvent: 'Implementation',
    });
    expect(records[1]).toMatchObject({
      stage: null,
      stageLabel: 'Not recorded',
      path: null,
      partiesImpacted: null,
    });
  });

  it('JSON: versioned, with the fields documented and the records', () => {
    const doc = JSON.parse(
      registerJson(records, { asOf: '2018-08-31', source: 'https://sec.example/modifications/' }),
    );
    expect(doc).toMatchObject({ version: 1, asOf: '2018-08-31' });
    expect(doc.fields).toHaveLength(REGISTER_FIELDS.length);
    expect(doc.modifications).toEqual(records);
  });

  it('CSV: BOM, header of field names, CRLF, quoting, lists joined', () => {
    const csv = registerCsv(records);
    expect(csv.startsWith('\uFEFFid,title,url,')).toBe(true);
    expect(csv).toContain('\r\n');
    const rows = parse(csv, { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[1]!.title).toBe('Include Tariff and Register Labels in SMETS Devices, "quoted"');
    expect(rows[0]!.partiesImpacted).toBe('large-suppliers; dcc');
    expect(rows[1]!.stage).toBe('');
    expect(rows[1]!.dccImpact).toBe('true');
  });

  it.each([
    ['2018-11-01', '2018-11-01T00:00:00.000Z', 'd mmm yyyy'],
    ['2018-09-06T17:00', '2018-09-06T17:00:00.000Z', 'd mmm yyyy hh:mm'],
    ['2018-02', '2018-02-01T00:00:00.000Z', 'mmm yyyy'],
  ])('spreadsheet date %s is %s shown as %s', (when, iso, fmt) => {
    const { value, numFmt } = spreadsheetDate(when);
    expect(value.toISOString()).toBe(iso);
    expect(numFmt).toBe(fmt);
  });

  it('XLSX: frozen header, typed dates with their formats', async () => {
    const buffer = await registerXlsx(records, { asOf: '2018-08-31' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(1).getCell(1).value).toBe('ID');
    const col = REGISTER_FIELDS.findIndex((f) => f.name === 'raised') + 1;
    expect(ws.getRow(2).getCell(col).value).toBeInstanceOf(Date);
    expect(ws.getRow(2).getCell(col).numFmt).toBe('mmm yyyy');
    expect(ws.getRow(3).getCell(col).value).toBeNull();
  });
});

describe('meetings calendar', () => {
  const bodies = new Map<string, Entry<Body>>([
    [
      'sec-panel',
      {
        id: 'sec-panel',
        data: schemas.bodies.parse({ name: 'SEC Panel', shortName: 'SEC Panel', description: 'Oversees.' }),
      },
    ],
  ]);
  const meeting = (id: string, extra: Record<string, unknown>): Entry<Meeting> => ({
    id,
    data: schemas.meetings.parse({ body: 'sec-panel', ...extra }),
    body: 'Headlines here.',
  });
  const meetings = [
    meeting('summer', { date: '2018-09-14T10:00', end: '2018-09-14T13:00', number: 60, location: 'London' }),
    meeting('winter', { date: '2018-11-09T10:00' }),
    meeting('day', { date: '2018-10-12' }),
    meeting('off', { date: '2018-12-14', status: 'cancelled' }),
  ];
  const text = meetingsCalendar(meetings, bodies, {
    name: 'SEC meetings',
    siteUrl: 'https://sec.example',
    asOf: '2018-08-31',
  });
  const events = Object.values(ical.sync.parseICS(text)).filter((c) => c?.type === 'VEVENT') as VEvent[];
  const byUid = (id: string) => events.find((e) => e.uid === meetingUid(id, 'https://sec.example'))!;

  it('has one event per meeting, with stable UIDs at the site’s host', () => {
    expect(events).toHaveLength(4);
    expect(byUid('summer').uid).toBe('summer@sec.example');
    expect(text).toContain('DTSTAMP:20180831T000000Z');
  });

  it.each([
    ['summer', '2018-09-14T09:00:00.000Z'],
    ['winter', '2018-11-09T10:00:00.000Z'],
  ])('%s starts at London wall-clock time (%s in UTC)', (id, utc) => {
    expect(new Date(byUid(id).start).toISOString()).toBe(utc);
  });

  it('carries the end, the place, the title and a link', () => {
    const e = byUid('summer');
    expect(new Date(e.end!).toISOString()).toBe('2018-09-14T12:00:00.000Z');
    expect(e.location).toBe('London');
    expect(String(e.summary)).toBe('SEC Panel meeting 60');
    expect(text).toContain('DTSTART;TZID=Europe/London:20180914T100000');
    expect(text).toMatch(/BEGIN:VTIMEZONE\r\nTZID:Europe\/London/);
  });

  it('makes a meeting without a time an all-day event, and marks cancellations', () => {
    expect(byUid('day').datetype).toBe('date');
    expect(text).toContain('DTSTART;VALUE=DATE:20181012');
    expect(byUid('off').status).toBe('CANCELLED');
    expect(String(byUid('off').summary)).toMatch(/^Cancelled: /);
    expect(byUid('summer').status).toBe('CONFIRMED');
  });
});
