/**
 * The facts of the real August 2018 newsletter, read from its text (a copy of the seed,
 * test/fixtures/newsletter/sec-newsletter-2018-08.txt), never from our own output.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';

export const SEED_FILE = path.resolve(
  import.meta.dirname,
  '../../fixtures/newsletter/sec-newsletter-2018-08.txt',
);

export type SeedSection = 'editorial' | 'governance' | 'change' | 'information';

/** The seed's section headings, each alone on its line, in order. */
export const SEED_HEADINGS: Record<Exclude<SeedSection, 'editorial'>, string> = {
  governance: 'SEC governance',
  change: 'Change update',
  information: 'Information and consultations',
};

const DATE = String.raw`(\d{1,2}(?:st|nd|rd|th) [A-Z][a-z]+ ?\d{4})`;
/** “21st September2018” (sic) reads as “21st September 2018”. */
const normalDate = (d: string) => d.replace(/([a-z])(\d{4})$/, '$1 $2');

export interface Seed {
  text: string;
  sections: Record<SeedSection, string>;
  /** Modification ids each section names. */
  modificationIds: Record<SeedSection, string[]>;
  /** The Panel Members elected, from the election table. */
  panelMembers: string[];
  /** Consultation deadlines, by the section they are in. */
  deadlines: { section: SeedSection; date: string }[];
  /** The calendar table's rows. */
  calendar: { date: string; meeting: string; number: number }[];
  /** The SEC Parties table: label and count. */
  partyCounts: { label: string; count: number }[];
  /** Designations (SEC versions) named. */
  designations: string[];
}

export function readSeed(file = SEED_FILE): Seed {
  const text = readFileSync(file, 'utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const at = (heading: string) => {
    const i = lines.findIndex((l) => l.trim() === heading);
    if (i < 0) throw new Error(`the seed has no line “${heading}”`);
    return i;
  };
  const contents = at('Also in this edition:');
  const gov = at(SEED_HEADINGS.governance);
  const change = at(SEED_HEADINGS.change);
  const info = at(SEED_HEADINGS.information);
  const sections: Record<SeedSection, string> = {
    editorial: lines.slice(0, contents).join('\n'),
    governance: lines.slice(gov, change).join('\n'),
    change: lines.slice(change, info).join('\n'),
    information: lines.slice(info).join('\n'),
  };
  const ids = (s: string) => [...new Set(s.match(/SECMP\d{4}/g) ?? [])];

  const tableAfter = (header: string) => {
    const start = at(header) + 1;
    const end = lines.findIndex((l, i) => i >= start && l.trim() === '');
    return lines.slice(start, end);
  };

  const deadlines: Seed['deadlines'] = [];
  const deadline = new RegExp(
    String.raw`(?:due by |closes soon \(|closes very shortly \(on |closing |closes on )(?:[A-Z][a-z]+day )?${DATE}`,
    'g',
  );
  for (const section of ['change', 'information'] as const) {
    for (const m of sections[section].matchAll(deadline)) {
      const date = normalDate(m[1]!);
      if (!deadlines.some((d) => d.section === section && d.date === date)) deadlines.push({ section, date });
    }
  }

  return {
    text,
    sections,
    modificationIds: {
      editorial: ids(sections.editorial),
      governance: ids(sections.governance),
      change: ids(sections.change),
      information: ids(sections.information),
    },
    // “Large Suppliers Simon Trivella”: the member is the name after the category.
    panelMembers: tableAfter('Category Name').map((l) => l.trim().split(/\s+/).slice(-2).join(' ')),
    deadlines,
    calendar: tableAfter('Date Meetings and Events').map((l) => {
      const m = new RegExp(String.raw`^${DATE} (.+) (\d+)$`).exec(l.trim());
      if (!m) throw new Error(`a calendar row the test cannot read: ${l}`);
      return { date: normalDate(m[1]!), meeting: m[2]!, number: Number(m[3]) };
    }),
    partyCounts: lines
      .map((l) => /^\s*(Current SEC Parties|\((.+)\)) (\d+)$/.exec(l))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ label: m[2] ?? m[1]!, count: Number(m[3]) })),
    designations: [...new Set([...sections.change.matchAll(/version (\d+\.\d+)/g)].map((m) => m[1]!))],
  };
}
