/**
 * A built Issue as the newsletter build leaves it in `dist/newsletters/YYYY-MM/`:
 * `email.html`, `email.txt` and `issue.json` (month, subject, preheader, from, webUrl, and
 * the names of the parts in `files` and the merge tags used in `mergeTags`). The HTML and text
 * carry the merge tags (`*|NAME|*`, `*|EMAIL|*`, `*|UNSUB|*`) that sending replaces per
 * Subscriber. The issue's own `messageId`, `date` and `headers` serve the `.eml` preview:
 * each message sent gets its own.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { MERGE_TAGS } from '../newsletter/merge-tags.ts';

export interface BuiltIssue {
  /** `YYYY-MM`. */
  month: string;
  subject: string;
  preheader?: string;
  webUrl?: string;
  /** Sender written into the issue by the build, if any; sending uses config's. */
  from?: string;
  html: string;
  text: string;
  dir: string;
}

/** A built issue missing or unusable: the message names the file and what to do. */
export class IssueError extends Error {
  override name = 'IssueError';
}

async function readOrFail(file: string, month: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new IssueError(`${file}: not found (build the issue first: npm run newsletter -- ${month})`);
    }
    throw error;
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

function fromField(v: unknown): string | undefined {
  if (typeof v === 'string') return str(v);
  if (v && typeof v === 'object' && 'address' in v) {
    const { name, address } = v as { name?: unknown; address?: unknown };
    const a = str(address);
    if (!a) return undefined;
    return str(name) ? `${str(name)} <${a}>` : a;
  }
  return undefined;
}

/** Reads and checks a built issue; `month` is the issue asked for on the command line. */
export async function loadBuiltIssue(dir: string, month: string): Promise<BuiltIssue> {
  const jsonFile = path.join(dir, 'issue.json');
  let meta: Record<string, unknown>;
  try {
    meta = JSON.parse(await readOrFail(jsonFile, month)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof SyntaxError) throw new IssueError(`${jsonFile}: not valid JSON (${error.message})`);
    throw error;
  }
  if (!meta || typeof meta !== 'object') throw new IssueError(`${jsonFile}: expected an object`);
  const subject = str(meta.subject);
  if (!subject)
    throw new IssueError(`${jsonFile}: subject: missing; every message needs the issue's subject`);
  const written = str(meta.month) ?? str(meta.id);
  if (written && written !== month) {
    throw new IssueError(`${jsonFile}: month: this folder holds issue ${written}, not ${month}`);
  }
  const declared = meta.mergeTags;
  if (declared !== undefined && JSON.stringify(declared) !== JSON.stringify(MERGE_TAGS)) {
    throw new IssueError(
      `${jsonFile}: mergeTags: the issue was built with ${JSON.stringify(declared)}, but sending replaces ${JSON.stringify(MERGE_TAGS)}`,
    );
  }
  const files = (meta.files ?? {}) as { html?: unknown; text?: unknown };
  const partFile = (key: 'html' | 'text', fallback: string) => {
    const name = files[key] === undefined ? fallback : str(files[key]);
    if (!name || name !== path.basename(name)) {
      throw new IssueError(`${jsonFile}: files.${key}: expected a file name beside issue.json`);
    }
    return path.join(dir, name);
  };
  const [html, text] = await Promise.all([
    readOrFail(partFile('html', 'email.html'), month),
    readOrFail(partFile('text', 'email.txt'), month),
  ]);
  const preheader = str(meta.preheader);
  const webUrl = str(meta.webUrl);
  const from = fromField(meta.from);
  return {
    month,
    subject,
    ...(preheader ? { preheader } : {}),
    ...(webUrl ? { webUrl } : {}),
    ...(from ? { from } : {}),
    html,
    text,
    dir,
  };
}

/**
 * What would go wrong in every message of this issue: merge tags we do not know (they would
 * reach readers as `*|FOO|*`), tags a link tracker has URL-encoded, no unsubscribe link in a
 * part. `errors` stop a send; `warnings` are printed.
 */
export function checkIssue(issue: BuiltIssue): { errors: string[]; warnings: string[] } {
  const errors: string[] = [];
  const warnings: string[] = [];
  const known = new Set<string>(Object.values(MERGE_TAGS));
  for (const [part, body] of [
    ['email.html', issue.html],
    ['email.txt', issue.text],
  ] as const) {
    const file = path.join(issue.dir, part);
    const unknown = [...new Set(body.match(/\*\|[A-Z0-9_:]+\|\*/g) ?? [])].filter((t) => !known.has(t));
    if (unknown.length) {
      errors.push(`${file}: unknown merge tag${unknown.length > 1 ? 's' : ''} ${unknown.join(', ')}`);
    }
    if (/\*%7C[A-Z0-9_]+%7C\*/i.test(body)) {
      errors.push(`${file}: a merge tag is URL-encoded (*%7C…%7C*) and would not be replaced`);
    }
    if (!body.includes(MERGE_TAGS.unsubscribeUrl)) {
      warnings.push(
        `${file}: no ${MERGE_TAGS.unsubscribeUrl} merge tag: readers get no personal unsubscribe link in this part (the List-Unsubscribe header still has one)`,
      );
    }
  }
  return { errors, warnings };
}
