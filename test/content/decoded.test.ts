/**
 * The loader reads files on disk as text decoded by Node (`readFileSync(file, 'utf8')`),
 * which is faster than bytes through a strict decoder: for every input it must give what
 * the bytes give, or step aside (undefined) so that the bytes are read instead.
 */
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, parseBytes, parseDecoded, type ReadResult } from '../../src/lib/content/read.ts';

const BOM = [0xef, 0xbb, 0xbf];
const MODIFICATION =
  '---\nid: SECMP0001\ntitle: “Quoted” title – with dashes\nevents: []\n---\n\nBody text.\n';
const bytesOf = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'utf8') : Buffer.from(p))));

/** What a result says, without its line-lookup function. */
function shape(r: ReadResult | undefined) {
  if (!r) return r;
  if (!r.ok) return r;
  return { data: r.file.data, body: r.file.body, line: r.file.lineOf(['title']) };
}

describe('parseDecoded gives what parseBytes gives', () => {
  it.each<[string, Buffer, 'markdown' | 'yaml']>([
    ['plain Markdown', bytesOf(MODIFICATION), 'markdown'],
    ['a byte-order mark', bytesOf(BOM, MODIFICATION), 'markdown'],
    ['two byte-order marks', bytesOf(BOM, BOM, MODIFICATION), 'markdown'],
    ['CR LF line endings', bytesOf(MODIFICATION.replace(/\n/g, '\r\n')), 'markdown'],
    ['lone CR line endings', bytesOf(MODIFICATION.replace(/\n/g, '\r')), 'markdown'],
    ['a YAML file', bytesOf(BOM, 'month: 2018-08\nparties: 12\r\n'), 'yaml'],
    ['broken YAML', bytesOf('---\ntitle: "open\nid: x\n---\n'), 'markdown'],
    ['no front matter', bytesOf('just text\n'), 'markdown'],
    ['an empty file', bytesOf(''), 'markdown'],
  ])('%s', (_name, bytes, kind) => {
    const decoded = parseDecoded(bytes.toString('utf8'), kind);
    expect(decoded).toBeDefined();
    expect(shape(decoded)).toEqual(shape(parseBytes(bytes, kind)));
  });
});

describe('parseDecoded steps aside where only the bytes can tell', () => {
  it('invalid UTF-8 (decoded with replacement characters)', () => {
    const bytes = bytesOf('---\ntitle: caf', [0xe9], '\n---\n');
    expect(parseDecoded(bytes.toString('utf8'), 'markdown')).toBeUndefined();
    expect(parseBytes(bytes, 'markdown')).toMatchObject({ ok: false, line: 2, field: 'title' });
  });

  it('a real replacement character (valid UTF-8, so the bytes path accepts it)', () => {
    const bytes = bytesOf('---\ntitle: a \uFFFD b\n---\n');
    expect(parseDecoded(bytes.toString('utf8'), 'markdown')).toBeUndefined();
    expect(parseBytes(bytes, 'markdown').ok).toBe(true);
  });

  it('text that may be over the size limit', () => {
    const text = `---\ntitle: x\n---\n${'é'.repeat(Math.ceil(MAX_FILE_BYTES / 3))}`;
    expect(parseDecoded(text, 'markdown')).toBeUndefined();
  });
});
