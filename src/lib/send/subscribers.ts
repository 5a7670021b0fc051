/**
 * The subscriber list: a CSV file with a header row naming at least `email` (and usually
 * `name`), one Subscriber per line. A bad line is reported and skipped, never fatal for the
 * rest: each line is parsed on its own, so a stray quote spoils one line, not the file.
 */
import { domainToASCII } from 'node:url';
import { parse } from 'csv-parse/sync';
import type { Problem } from '../content/problems.ts';

export interface Subscriber {
  /** The address as written in the list (domain in ASCII form). */
  email: string;
  /** The address as compared: lower case. The send log and Message-IDs use it. */
  key: string;
  /** Display name; absent when the list has none (the email then says “Hi there,”). */
  name?: string;
  /** 1-based line of the list it came from. */
  line: number;
}

export interface SubscriberList {
  subscribers: Subscriber[];
  /** Lines reported and skipped: invalid or duplicate addresses, unreadable lines. */
  problems: Problem[];
  /** Data lines read (not counting the header and blank lines). */
  rows: number;
}

/** WHATWG's “valid email address” (what browsers accept in `<input type=email>`), ASCII only. */
const LOCAL_PART = /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+$/;
const LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

/**
 * Checks one address and returns it in the form it is sent to (the domain in ASCII, so an
 * internationalised domain works with every server), or why it cannot be used.
 */
export function checkAddress(
  raw: string,
): { ok: true; email: string; key: string } | { ok: false; reason: string } {
  const value = raw.trim();
  if (!value) return { ok: false, reason: 'no email address' };
  if (/[\s<>,;:"()[\]\\]/.test(value)) {
    return { ok: false, reason: `"${value}" is not a bare email address (no names, spaces or brackets)` };
  }
  const at = value.lastIndexOf('@');
  if (at <= 0 || at !== value.indexOf('@'))
    return { ok: false, reason: `"${value}" is not an email address` };
  const local = value.slice(0, at);
  const domain = domainToASCII(value.slice(at + 1));
  if (
    local.length > 64 ||
    !LOCAL_PART.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  ) {
    return { ok: false, reason: `"${value}" has an invalid part before the @` };
  }
  const labels = domain.split('.');
  if (
    !domain ||
    labels.length < 2 ||
    !labels.every((l) => LABEL.test(l)) ||
    !/[a-z]/i.test(labels.at(-1) ?? '')
  ) {
    return { ok: false, reason: `"${value}" has an invalid domain` };
  }
  const email = `${local}@${domain}`;
  if (email.length > 254) return { ok: false, reason: `"${value}" is longer than 254 characters` };
  return { ok: true, email, key: email.toLowerCase() };
}

/** A name fit for a header and a greeting: control characters out, spaces collapsed. */
function cleanName(raw: string | undefined): string | undefined {
  const name = (raw ?? '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return name || undefined;
}

function parseLine(line: string): string[] {
  const [cells] = parse(line, { relax_column_count: true, trim: true }) as string[][];
  return cells ?? [];
}

/**
 * Reads a subscriber list. `file` names the list in problems (`subscribers.csv:14: email: …`).
 * A missing `email` column is the one problem that leaves no subscribers at all.
 */
export function parseSubscribers(csv: string, file: string): SubscriberList {
  const lines = csv.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  const problems: Problem[] = [];
  const subscribers: Subscriber[] = [];
  let rows = 0;

  const headerIndex = lines.findIndex((l) => l.trim() !== '');
  if (headerIndex === -1) return { subscribers, problems: [{ file, message: 'the list is empty' }], rows };
  let header: string[];
  try {
    header = parseLine(lines[headerIndex] ?? '').map((h) => h.toLowerCase());
  } catch {
    header = [];
  }
  const emailCol = header.indexOf('email');
  const nameCol = header.indexOf('name');
  if (emailCol === -1) {
    return {
      subscribers,
      problems: [
        {
          file,
          line: headerIndex + 1,
          message: 'the first line must be a header naming an "email" column (email,name)',
        },
      ],
      rows,
    };
  }

  const seen = new Map<string, number>();
  for (let i = headerIndex + 1; i < lines.length; i++) {
    const text = lines[i] ?? '';
    if (text.trim() === '') continue;
    rows++;
    const line = i + 1;
    let cells: string[];
    try {
      cells = parseLine(text);
    } catch (error) {
      const why = error instanceof Error ? error.message.replace(/ at line \d+/, '') : String(error);
      problems.push({ file, line, message: `not readable as CSV (${why}): skipped` });
      continue;
    }
    const checked = checkAddress(cells[emailCol] ?? '');
    if (!checked.ok) {
      problems.push({ file, line, field: 'email', message: `${checked.reason}: skipped` });
      continue;
    }
    const first = seen.get(checked.key);
    if (first !== undefined) {
      const written = (cells[emailCol] ?? '').trim();
      problems.push({
        file,
        line,
        field: 'email',
        message: `${written} is a duplicate of line ${first}: skipped`,
      });
      continue;
    }
    seen.set(checked.key, line);
    const name = nameCol === -1 ? undefined : cleanName(cells[nameCol]);
    subscribers.push({ email: checked.email, key: checked.key, ...(name ? { name } : {}), line });
  }
  return { subscribers, problems, rows };
}
