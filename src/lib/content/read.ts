/**
 * Reads one content file as an editor meant it: UTF-8 (a byte-order mark and Windows line
 * endings are tolerated), front matter in YAML, and a way back from a field to its line.
 *
 * YAML is parsed with js-yaml, the parser Astro itself uses for front matter and data files
 * (with the core schema, so `2018-02-30` stays text for the date checks to judge). Line
 * numbers come from the `yaml` package's Document, built only when a problem needs one: the
 * common case, a valid file, costs one fast parse.
 */
import jsyaml from 'js-yaml';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { fieldPath } from './problems.ts';

/** Content files larger than this are refused: no page needs one. */
export const MAX_FILE_BYTES = 1024 * 1024;

export interface ParsedFile {
  /** The front matter (or the whole YAML file), untyped. */
  data: unknown;
  /** The Markdown body, without front matter. */
  body: string;
  /** The 1-based line of the value at a field path, or the nearest line there is. */
  lineOf(path: readonly PropertyKey[]): number;
}

export type ReadResult =
  { ok: true; file: ParsedFile } | { ok: false; line?: number; field?: string; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true });
const lossy = new TextDecoder('utf-8');

/** Index of the first byte that does not start a well-formed UTF-8 sequence. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= bytes.length) return i;
    const second = bytes[i + 1]!;
    if ((b === 0xe0 && second < 0xa0) || (b === 0xed && second > 0x9f)) return i;
    if ((b === 0xf0 && second < 0x90) || (b === 0xf4 && second > 0x8f)) return i;
    for (let k = 1; k <= need; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += need + 1;
  }
  return bytes.length;
}

/** Drops a byte-order mark and makes every line ending `\n`. */
export function normaliseText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Decodes UTF-8 strictly, dropping a byte-order mark and normalising line endings. */
export function decodeText(
  bytes: Uint8Array,
): { ok: true; text: string } | { ok: false; line: number; offset: number; message: string } {
  try {
    return { ok: true, text: normaliseText(decoder.decode(bytes)) };
  } catch {
    const good = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, good).filter((b) => b === 0x0a).length + 1;
    return {
      ok: false,
      line,
      offset: good,
      message: `is not valid UTF-8 text (bad byte 0x${bytes[good]?.toString(16).padStart(2, '0')} on line ${line}): save the file as UTF-8`,
    };
  }
}

/** The first line of the front matter's YAML (after the opening `---`). */
const FRONT_MATTER_FIRST_LINE = 2;

/** Splits a Markdown file into its front matter's YAML and its body, or says what is wrong. */
function splitFrontMatter(
  text: string,
): { ok: true; yaml: string; body: string } | { ok: false; line: number; message: string } {
  const open = /^---[ \t]*\n/.exec(text);
  if (!open) {
    return {
      ok: false,
      line: 1,
      message: 'no front matter: the file must start with a line of three dashes (---)',
    };
  }
  const rest = text.slice(open[0].length);
  // Like Astro, the front matter ends at the first line that starts with three dashes.
  const close = /^---(.*)$/m.exec(rest);
  if (!close) {
    return {
      ok: false,
      line: 1,
      message: 'the front matter is not closed: add a line of three dashes (---) after the last field',
    };
  }
  const yaml = rest.slice(0, close.index);
  if (close[1]!.trim() !== '') {
    return {
      ok: false,
      line: FRONT_MATTER_FIRST_LINE + yaml.split('\n').length - 1,
      message: `the line closing the front matter must be three dashes alone, not “---${close[1]}”`,
    };
  }
  const body = rest.slice(close.index + close[0].length).replace(/^\n/, '');
  return { ok: true, yaml, body: body.replace(/^\n/, '') };
}

/** A YAML source with the `yaml` package's Document, for positions. */
function documentOf(source: string) {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: true });
  return { doc, lineCounter };
}

/** Whether a line leaves a quotation or a bracket open (roughly: editors' YAML is simple). */
function leavesOpen(line: string): boolean {
  const value = /^\s*(?:-\s+)?(?:[^\s#"'][^:]*:\s+)?(["'[{].*)$/.exec(line)?.[1];
  if (!value) return false;
  const count = (re: RegExp) => (value.match(re) ?? []).length;
  if (value.startsWith('"')) return count(/(?<!\\)"/g) % 2 === 1;
  if (value.startsWith("'")) return count(/'/g) % 2 === 1;
  return count(/[[{]/g) > count(/[\]}]/g);
}

/**
 * The field a syntax error is in, and its 0-based line in the source. An unclosed quotation
 * or bracket is reported where it opens, not at the end of the file where the parser gives up.
 */
function locateSyntaxError(
  source: string,
  offset: number,
  unclosed: boolean,
): { line: number; field?: string } {
  const lines = source.split('\n');
  let line = source.slice(0, offset).split('\n').length - 1;
  if (unclosed) {
    for (let i = Math.min(line, lines.length - 1); i >= 0; i--) {
      if (leavesOpen(lines[i]!)) {
        line = i;
        break;
      }
    }
  }
  const lineStart = lines.slice(0, line).reduce((n, l) => n + l.length + 1, 0);
  const indent = /^[ \t-]*/.exec(lines[line] ?? '')![0].length;
  let field = fieldAt(source, lineStart + indent);
  if (!field) {
    // The top-level field the line belongs to.
    for (let i = Math.min(line, lines.length - 1); i >= 0 && !field; i--) {
      field = /^([^\s#\-?:"'][^:]*?):(?:\s|$)/.exec(lines[i]!)?.[1];
    }
  }
  return { line, ...(field ? { field } : {}) };
}

/** Explains a YAML syntax error in an editor's words, with its line in the file and its field. */
function syntaxError(
  source: string,
  firstLine: number,
  fallback: jsyaml.YAMLException,
): { line: number; field?: string; message: string } {
  const { doc } = documentOf(source);
  const error = doc.errors[0];
  let message: string;
  let offset: number;
  if (!error) {
    // js-yaml (what the build uses) refuses what the `yaml` package accepts: use its words.
    message = `the YAML cannot be read: ${fallback.reason}`;
    offset = fallback.mark?.position ?? 0;
  } else {
    offset = error.pos[0];
    message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (error.code === 'TAB_AS_INDENT' || /tab/i.test(message)) {
      message = 'YAML does not allow tabs for indentation: indent with spaces';
    } else if (error.code === 'DUPLICATE_KEY') {
      message = `a field is given twice (${message})`;
    } else {
      message = `the YAML cannot be read: ${message}`;
    }
  }
  const unclosed = /quot|flow|bracket|end of the stream/i.test(message);
  const where = locateSyntaxError(source, offset, unclosed);
  if (unclosed && where.line < source.slice(0, offset).split('\n').length - 1) {
    message += ' (a quotation mark or bracket opened here is never closed)';
  }
  return { ...where, line: where.line + firstLine, message };
}

/** Finds the line of a field path in a YAML Document. */
function makeLineOf(source: string, firstLine: number): ParsedFile['lineOf'] {
  let parsed: ReturnType<typeof documentOf> | undefined;
  return (path) => {
    parsed ??= documentOf(source);
    const { doc, lineCounter } = parsed;
    const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
    let node: unknown = doc.contents;
    let line = node && (node as Node).range ? lineAt((node as Node).range![0]) : firstLine;
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
        if (!pair) break;
        if (isScalar(pair.key) && pair.key.range) line = lineAt(pair.key.range[0]);
        node = pair.value;
      } else if (isSeq(node) && typeof key === 'number') {
        node = node.items[key];
        if (node && (node as Node).range) line = lineAt((node as Node).range![0]);
      } else break;
    }
    return line;
  };
}

/** The field path of the YAML node at an offset of its source, if any. */
function fieldAt(source: string, offset: number): string | undefined {
  const { doc } = documentOf(source);
  const path: PropertyKey[] = [];
  const within = (n: unknown) => {
    const r = (n as Node | undefined)?.range;
    return r !== undefined && r !== null && offset >= r[0] && offset < r[2];
  };
  let node: unknown = doc.contents;
  for (;;) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && (within(p.key) || within(p.value)));
      if (!pair || !isScalar(pair.key)) break;
      path.push(String(pair.key.value));
      if (within(pair.key)) break;
      node = pair.value;
    } else if (isSeq(node)) {
      const i = node.items.findIndex(within);
      if (i === -1) break;
      path.push(i);
      node = node.items[i];
    } else break;
  }
  return path.length ? fieldPath(path) : undefined;
}

function yamlOf(
  source: string,
  firstLine: number,
):
  | { ok: true; data: unknown; lineOf: ParsedFile['lineOf'] }
  | { ok: false; line: number; field?: string; message: string } {
  let data: unknown;
  try {
    data = jsyaml.load(source, { schema: jsyaml.CORE_SCHEMA });
  } catch (error) {
    if (!(error instanceof jsyaml.YAMLException)) throw error;
    return { ok: false, ...syntaxError(source, firstLine, error) };
  }
  return { ok: true, data: data ?? {}, lineOf: makeLineOf(source, firstLine) };
}

/** Parses decoded text of a Markdown/MDX file (front matter + body) or a YAML data file. */
export function parseText(text: string, kind: 'markdown' | 'yaml'): ReadResult {
  if (text.trim() === '') {
    return {
      ok: false,
      line: 1,
      message:
        kind === 'yaml'
          ? 'the file is empty: it needs its fields in YAML'
          : 'the file is empty: it needs front matter between two --- lines, then the text',
    };
  }
  if (kind === 'yaml') {
    const y = yamlOf(text, 1);
    return y.ok ? { ok: true, file: { data: y.data, body: '', lineOf: y.lineOf } } : y;
  }
  const split = splitFrontMatter(text);
  if (!split.ok) return split;
  const y = yamlOf(split.yaml, FRONT_MATTER_FIRST_LINE);
  if (!y.ok) return y;
  return { ok: true, file: { data: y.data, body: split.body, lineOf: y.lineOf } };
}

/** Reads a file's bytes as a content file: size, encoding, then {@link parseText}. */
export function parseBytes(bytes: Uint8Array, kind: 'markdown' | 'yaml'): ReadResult {
  if (bytes.length > MAX_FILE_BYTES) {
    return {
      ok: false,
      message: `the file is ${(bytes.length / 1024 / 1024).toFixed(1)} MB; content files are limited to ${MAX_FILE_BYTES / 1024 / 1024} MB (is this the right file?)`,
    };
  }
  const decoded = decodeText(bytes);
  if (!decoded.ok) {
    // Name the field that holds the bad byte, when it is in the YAML.
    const text = normaliseText(lossy.decode(bytes));
    const before = normaliseText(lossy.decode(bytes.subarray(0, decoded.offset))).length;
    let field: string | undefined;
    if (kind === 'yaml') field = fieldAt(text, before);
    else {
      const split = splitFrontMatter(text);
      const start = text.indexOf('\n') + 1;
      if (split.ok && before >= start && before < start + split.yaml.length) {
        field = fieldAt(split.yaml, before - start);
      }
    }
    return { ok: false, line: decoded.line, ...(field ? { field } : {}), message: decoded.message };
  }
  return parseText(decoded.text, kind);
}

/**
 * {@link parseBytes} for text Node has decoded already (`readFileSync(file, 'utf8')`, faster
 * than bytes through a strict TextDecoder): the same result, or undefined when the text holds
 * a replacement character (the bytes may not be valid UTF-8) or may be over the size limit,
 * for the caller to fall back to {@link parseBytes} on the bytes.
 */
export function parseDecoded(text: string, kind: 'markdown' | 'yaml'): ReadResult | undefined {
  // A UTF-16 unit is at most 3 bytes of UTF-8.
  if (text.length * 3 > MAX_FILE_BYTES || text.includes('\uFFFD')) return undefined;
  // The strict decoder drops one byte-order mark itself; normaliseText drops one more.
  return parseText(normaliseText(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text), kind);
}
