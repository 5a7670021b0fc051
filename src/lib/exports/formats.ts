/** The register in three formats: JSON (for programs), CSV (for anything) and XLSX (for people). */
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { partsOf } from '../dates.ts';
import { REGISTER_FIELDS, type RegisterRecord } from './register.ts';

/** Version of the JSON document's shape; raised only if a field were ever removed or renamed. */
export const REGISTER_JSON_VERSION = 1;

export interface RegisterJson {
  version: number;
  /** The day the register describes (the as-of date). */
  asOf: string;
  /** Where the register lives. */
  source: string;
  /** Field names and descriptions, as documented. */
  fields: { name: string; type: string; description: string }[];
  modifications: RegisterRecord[];
}

export function registerJson(
  records: readonly RegisterRecord[],
  meta: { asOf: string; source: string },
): string {
  const doc: RegisterJson = {
    version: REGISTER_JSON_VERSION,
    asOf: meta.asOf,
    source: meta.source,
    fields: REGISTER_FIELDS.map(({ name, type, description }) => ({ name, type, description })),
    modifications: [...records],
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** A CSV cell: lists joined by `; `, booleans `true`/`false`, null empty. */
function csvCell(value: RegisterRecord[keyof RegisterRecord]): string {
  if (value === null) return '';
  if (Array.isArray(value)) return value.join('; ');
  return String(value);
}

/** RFC 4180 CSV with a header row of the field names, UTF-8 with a byte-order mark for Excel. */
export function registerCsv(records: readonly RegisterRecord[]): string {
  const header = REGISTER_FIELDS.map((f) => f.name);
  const rows = records.map((r) => REGISTER_FIELDS.map((f) => csvCell(r[f.name])));
  return `\uFEFF${stringify([header, ...rows], { record_delimiter: '\r\n' })}`;
}

/**
 * A date string as a spreadsheet date: the London wall-clock date and time as a UTC Date
 * (spreadsheets have no time zones), and the number format that shows its precision.
 */
export function spreadsheetDate(when: string): { value: Date; numFmt: string } {
  const p = partsOf(when);
  const [h, m] = p.time ? p.time.split(':').map(Number) : [0, 0];
  const value = new Date(Date.UTC(p.year, p.month - 1, p.day ?? 1, h, m));
  const numFmt = p.day === undefined ? 'mmm yyyy' : p.time ? 'd mmm yyyy hh:mm' : 'd mmm yyyy';
  return { value, numFmt };
}

/** An XLSX workbook: a header row in bold, frozen; typed date cells; a filter on every column. */
export async function registerXlsx(
  records: readonly RegisterRecord[],
  meta: { asOf: string },
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'sec-press';
  // The workbook's own dates say which day the register describes, not when it was built.
  wb.created = wb.modified = new Date(`${meta.asOf}T00:00:00Z`);
  const ws = wb.addWorksheet('Modifications Register', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = REGISTER_FIELDS.map((f) => ({
    header: f.heading,
    key: f.name,
    width: f.name === 'title' ? 60 : f.type === 'url' ? 45 : f.type === 'date' ? 16 : 22,
  }));
  ws.getRow(1).font = { bold: true };
  for (const r of records) {
    const row = ws.addRow({});
    REGISTER_FIELDS.forEach((f, i) => {
      const cell = row.getCell(i + 1);
      const v = r[f.name];
      if (v === null) return;
      if (f.type === 'date' && typeof v === 'string') {
        const { value, numFmt } = spreadsheetDate(v);
        cell.value = value;
        cell.numFmt = numFmt;
      } else if (f.type === 'url' && typeof v === 'string') {
        cell.value = { text: v, hyperlink: v };
      } else if (Array.isArray(v)) {
        cell.value = v.join('; ');
      } else if (typeof v === 'boolean') {
        cell.value = v ? 'Yes' : 'No';
      } else {
        cell.value = v;
      }
    });
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: REGISTER_FIELDS.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
