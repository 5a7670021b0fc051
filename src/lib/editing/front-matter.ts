/**
 * Edits a Markdown file's front matter in place: the new text is spliced in where the
 * `yaml` package's Document says the list ends, so every other byte of the file (comments,
 * quoting, folding, the byte-order mark, line endings, the Markdown body) stays as it was.
 */
import { isMap, isScalar, isSeq, type Node, parseDocument, Scalar, stringify } from 'yaml';
import { EditError } from './errors.ts';

/** A file split around its front matter, offsets into the original text. */
interface FrontMatter {
  /** The YAML between the `---` lines, line endings as in the file. */
  yaml: string;
  /** Offset in the text where the YAML starts. */
  start: number;
  /** Line ending the file uses. */
  eol: '\n' | '\r\n';
}

function frontMatterOf(text: string, file: string): FrontMatter {
  const open = /^\uFEFF?---[ \t]*\r?\n/.exec(text);
  if (!open)
    throw new EditError(`${file}: no front matter (the file must start with a line of three dashes)`);
  const start = open[0].length;
  const close = /^---[ \t]*\r?$/m.exec(text.slice(start));
  if (!close) throw new EditError(`${file}: the front matter is not closed by a line of three dashes`);
  return {
    yaml: text.slice(start, start + close.index),
    start,
    eol: open[0].endsWith('\r\n') ? '\r\n' : '\n',
  };
}

/** Fields of running text, written folded (`>-`) over several lines when long. */
const PROSE = new Set(['summary', 'description', 'preheader', 'conclusion']);

/** The value as YAML nodes: long prose folded like the rest of the content (`>-`). */
function toNode(value: unknown, key?: string): unknown {
  if (typeof value === 'string' && ((key && PROSE.has(key) && value.length > 60) || value.includes('\n'))) {
    const s = new Scalar(value);
    s.type = value.includes('\n') ? Scalar.BLOCK_LITERAL : Scalar.BLOCK_FOLDED;
    return s;
  }
  if (Array.isArray(value)) return value.map((v) => toNode(v));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNode(v, k)]));
  }
  return value;
}

/**
 * YAML text for a value: nothing folded but the folded (`>-`) blocks, which are wrapped at
 * single spaces to `width` columns (folding reads each line break as one space again).
 */
function yamlText(value: unknown, width: number): string {
  const text = stringify(toNode(value), { lineWidth: 0, indent: 2, indentSeq: true });
  const out: string[] = [];
  let blockIndent = -1;
  for (const line of text.split('\n')) {
    const indent = /^ */.exec(line)![0].length;
    if (blockIndent >= 0 && line.trim() !== '' && indent >= blockIndent) {
      let rest = line.slice(indent);
      while (indent + rest.length > width) {
        let cut = rest.lastIndexOf(' ', width - indent);
        while (cut > 0 && (rest[cut - 1] === ' ' || rest[cut + 1] === ' '))
          cut = rest.lastIndexOf(' ', cut - 1);
        if (cut <= 0) break;
        out.push(' '.repeat(indent) + rest.slice(0, cut));
        rest = rest.slice(cut + 1);
      }
      out.push(' '.repeat(indent) + rest);
      continue;
    }
    blockIndent = -1;
    out.push(line);
    if (/:\s+>-?$|^\s*-\s+>-?$/.test(line)) blockIndent = indent + 1;
  }
  return out.join('\n');
}

/** Renders one list item (`- key: value…`) at an indentation, with the file's line endings. */
function renderItem(item: Record<string, unknown>, indent: number, eol: string): string {
  const text = yamlText([item], Math.max(40, 92 - indent));
  const pad = ' '.repeat(indent);
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l ? pad + l : l))
    .join(eol)
    .concat(eol);
}

const columnOf = (text: string, offset: number) => offset - (text.lastIndexOf('\n', offset - 1) + 1);

/**
 * Appends an item to a top-level list of the front matter (`events:`), creating the list if
 * the field is absent or empty. Returns the whole new text of the file.
 */
export function appendToList(text: string, key: string, item: Record<string, unknown>, file: string): string {
  const fm = frontMatterOf(text, file);
  const doc = parseDocument(fm.yaml, { schema: 'core', uniqueKeys: true });
  if (doc.errors.length) {
    throw new EditError(
      `${file}: its front matter cannot be read (run npm run check to see why); nothing was written`,
    );
  }
  const root = doc.contents;
  if (root !== null && !isMap(root))
    throw new EditError(`${file}: its front matter is not a group of fields`);
  const pair = root?.items.find((p) => isScalar(p.key) && p.key.value === key);
  const at = (offset: number, insert: string) =>
    text.slice(0, fm.start + offset) + insert + text.slice(fm.start + offset);

  if (!pair) {
    // No such field yet: add it after the last field.
    const ending = fm.yaml === '' || fm.yaml.endsWith('\n') ? '' : fm.eol;
    return at(fm.yaml.length, `${ending}${key}:${fm.eol}${renderItem(item, 2, fm.eol)}`);
  }
  const value = pair.value as Node | null;
  const keyNode = pair.key as Node;
  const empty =
    value === null || (isScalar(value) && value.value === null) || (isSeq(value) && value.items.length === 0);
  if (empty) {
    // `events:` or `events: []`: replace the empty value with a block list.
    const from = keyNode.range![1];
    const to = value?.range ? Math.max(from, value.range[1]) : from;
    const lineEnd = fm.yaml.indexOf('\n', to);
    const rest = fm.yaml.slice(to, lineEnd === -1 ? fm.yaml.length : lineEnd).replace(/\r$/, '');
    if (rest.trim() !== '' && !rest.trim().startsWith('#')) {
      throw new EditError(`${file}: cannot add to ${key}: it is not written as a list`);
    }
    const colon = fm.yaml.indexOf(':', from);
    const indent = columnOf(fm.yaml, keyNode.range![0]) + 2;
    const cut = lineEnd === -1 ? fm.yaml.length : lineEnd + 1;
    const before = text.slice(0, fm.start + colon + 1);
    const after = text.slice(fm.start + cut);
    const comment = rest.trim().startsWith('#') ? ` ${rest.trim()}` : '';
    return `${before}${comment}${fm.eol}${renderItem(item, indent, fm.eol)}${after}`;
  }
  if (!isSeq(value)) throw new EditError(`${file}: cannot add to ${key}: it is not a list`);
  if (value.flow) {
    throw new EditError(
      `${file}: ${key} is written as a list in brackets, [ … ]: write it as a list of “- ” lines to add to it with this command`,
    );
  }
  const indent = columnOf(fm.yaml, value.range![0]);
  let end = value.range![1];
  let prefix = '';
  if (fm.yaml[end - 1] !== '\n') {
    // The list ends the front matter without a line ending: end its line first.
    const lineEnd = fm.yaml.indexOf('\n', end);
    if (lineEnd === -1) {
      end = fm.yaml.length;
      prefix = fm.eol;
    } else end = lineEnd + 1;
  }
  return at(end, prefix + renderItem(item, indent, fm.eol));
}

/** A new file's text: the fields as front matter (in the order given), then the body. */
export function renderFile(fields: Record<string, unknown>, body = ''): string {
  const defined = Object.fromEntries(
    Object.entries(fields).filter(([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0)),
  );
  return `---\n${yamlText(defined, 92)}---\n${body ? `\n${body}` : ''}`;
}

/** A YAML data file's text (`content/bodies/*.yaml`, `content/party-stats/*.yaml`). */
export function renderYaml(fields: Record<string, unknown>): string {
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return yamlText(defined, 92);
}
