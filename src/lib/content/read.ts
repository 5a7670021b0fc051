/**
 * Reads one content file as an editor meant it: UTF-8 (a byte-order mark and Windows line
 * endings are tolerated), front matter in YAML, and a way back from a field to its line.
 */
import matter from 'gray-matter';
import { isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';

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

export type ReadResult = { ok: true; file: ParsedFile } | { ok: false; line?: number; message: string };

const decoder = new TextDecoder('utf-8', { fatal: true });

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

/** Decodes UTF-8 strictly, dropping a byte-order mark and normalising line endings. */
export function decodeText(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number; message: string } {
  try {
    const text = decoder.decode(bytes);
    return { ok: true, text: text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n') };
  } catch {
    const good = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, good).filter((b) => b === 0x0a).length + 1;
    return {
      ok: false,
      line,
      message: `is not valid UTF-8 text (bad byte 0x${bytes[good]?.toString(16).padStart(2, '0')}): save it as UTF-8`,
    };
  }
}

function yamlOf(source: string, firstLine: number): { ok: true; data: unknown; lineOf: ParsedFile['lineOf'] } | { ok: false; line?: number; message: string } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { schema: 'core', lineCounter, uniqueKeys: true, prettyErrors: true });
  const error = doc.errors[0];
  if (error) {
    const pos = error.linePos?.[0];
    let message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    if (error.code === 'TAB_AS_INDENT' || /tab/i.test(message)) {
      message = 'YAML does not allow tabs for indentation: indent with spaces';
    } else if (error.code === 'DUPLICATE_KEY') {
      message = `a field is given twice (${message})`;
    } else {
      message = `the YAML cannot be read: ${message}`;
    }
    return { ok: false, line: pos ? pos.line + firstLine - 1 : firstLine, message };
  }
  const lineAt = (offset: number) => lineCounter.linePos(offset).line + firstLine - 1;
  const lineOf = (path: readonly PropertyKey[]): number => {
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
  return { ok: true, data: doc.toJS() ?? {}, lineOf };
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
  if (!/^---[ \t]*\n/.test(text)) {
    return { ok: false, line: 1, message: 'no front matter: the file must start with a line of three dashes (---)' };
  }
  if (!/\n---[ \t]*(\n|$)/.test(text.slice(3))) {
    return { ok: false, line: 1, message: 'the front matter is not closed: add a line of three dashes (---) after the last field' };
  }
  let y: ReturnType<typeof yamlOf> | undefined;
  const parsed = matter(text, {
    engines: {
      yaml: (source: string) => {
        y = yamlOf(source, 2);
        return y.ok && y.data && typeof y.data === 'object' ? (y.data as object) : {};
      },
    },
  });
  if (!y) y = { ok: true, data: {}, lineOf: () => 1 };
  if (!y.ok) return y;
  return { ok: true, file: { data: y.data, body: parsed.content.replace(/^\n/, ''), lineOf: y.lineOf } };
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
  if (!decoded.ok) return decoded;
  return parseText(decoded.text, kind);
}
