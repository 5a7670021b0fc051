/**
 * Appending to a list in front matter changes nothing but the list: the original text is
 * the new text with one contiguous block taken out, and it reads back as the old data with
 * the item appended.
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import jsyaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { EditError } from '../../src/lib/editing/errors.ts';
import { appendToList, renderFile, renderYaml } from '../../src/lib/editing/front-matter.ts';

const EVENT = { type: 'dmr-presented', date: '2018-09-14', meeting: '2018-09-14-sec-panel' };
const LONG = {
  type: 'note',
  date: '2018-09',
  summary:
    'A summary long enough to be folded over more than one line, with a colon: and “quotes”, so that it must be quoted or folded.',
};

/** Front matter and body of a file, as data. */
function read(text: string): { data: Record<string, unknown>; body: string } {
  const m = /^\uFEFF?---\r?\n([\s\S]*?)\r?\n?^---[ \t]*\r?$([\s\S]*)/m.exec(text)!;
  return {
    data: (jsyaml.load(m[1]!, { schema: jsyaml.CORE_SCHEMA }) ?? {}) as Record<string, unknown>,
    body: m[2]!,
  };
}

/** The one block inserted into `before` to make `after`, or undefined if it is not one. */
function inserted(before: string, after: string): string | undefined {
  let i = 0;
  while (i < before.length && before[i] === after[i]) i++;
  i = before.lastIndexOf('\n', i - 1) + 1; // blocks are whole lines
  const len = after.length - before.length;
  return after.slice(0, i) + after.slice(i + len) === before ? after.slice(i, i + len) : undefined;
}

describe('appendToList', () => {
  it.each([
    [
      'a block list indented by two',
      '---\nid: X\nevents:\n  - type: raised\n    date: 2018-08-01\ntitle: T\n---\nBody\n',
      '  - type: dmr',
    ],
    [
      'a block list not indented',
      '---\nid: X\nevents:\n- type: raised\n  date: 2018-08-01\n---\nBody\n',
      '- type: dmr',
    ],
    [
      'a list ending in a folded summary',
      '---\nevents:\n  - type: note\n    date: 2018-08\n    summary: >-\n      Two\n      lines.\n---\n',
      '  - type: dmr',
    ],
    [
      'a list followed by a comment',
      '---\nevents:\n  - type: raised\n    date: 2018-08-01\n  # more to come\nid: X\n---\n',
      '  - type: dmr',
    ],
    [
      'a list without a final line ending',
      '---\nevents:\n  - type: raised\n    date: 2018-08-01\n---',
      '  - type: dmr',
    ],
    ['no such field yet', '---\nid: X\ntitle: T\n---\n\nBody\n', 'events:\n  - type: dmr'],
    ['front matter that is empty', '---\n---\nBody\n', 'events:\n  - type: dmr'],
    [
      'CR LF and a byte-order mark',
      '\uFEFF---\r\nid: X\r\nevents:\r\n  - type: raised\r\n    date: 2018-08-01\r\n---\r\nBody\r\n',
      '  - type: dmr',
    ],
  ])('%s: one block is added, nothing else changes', (_name, text, starts) => {
    const after = appendToList(text, 'events', EVENT, 'f.md');
    const block = inserted(text, after);
    expect(block, after).toBeDefined();
    expect(block!.replace(/\r/g, '').trimStart().startsWith(starts.trimStart())).toBe(true);
    if (text.includes('\r\n')) expect(block!.replace(/\r\n/g, '')).not.toContain('\n');
    const [b, a] = [read(text), read(after)];
    expect(a.body).toBe(b.body);
    const events = (b.data.events as unknown[] | undefined) ?? [];
    expect(a.data).toEqual({ ...b.data, events: [...events, EVENT] });
  });

  it.each([
    [
      'an empty flow list, with a comment',
      '---\nid: X\nevents: [] # none yet\ntitle: T\n---\n',
      '---\nid: X\nevents: # none yet\n  - type: dmr-presented\n    date: 2018-09-14\n    meeting: 2018-09-14-sec-panel\ntitle: T\n---\n',
    ],
    [
      'a field with no value',
      '---\nevents:\nid: X\n---\n',
      '---\nevents:\n  - type: dmr-presented\n    date: 2018-09-14\n    meeting: 2018-09-14-sec-panel\nid: X\n---\n',
    ],
    [
      'a null value',
      '---\nid: X\nevents: ~\n---\n',
      '---\nid: X\nevents:\n  - type: dmr-presented\n    date: 2018-09-14\n    meeting: 2018-09-14-sec-panel\n---\n',
    ],
  ])('%s becomes a block list', (_name, text, expected) => {
    expect(appendToList(text, 'events', EVENT, 'f.md')).toBe(expected);
  });

  it('folds a long summary like the rest of the content, and it reads back exactly', () => {
    const text = '---\nid: X\nevents:\n  - type: raised\n    date: 2018-08-01\n---\n';
    const after = appendToList(text, 'events', LONG, 'f.md');
    expect(after).toContain('    summary: >-\n      A summary long enough');
    for (const line of after.split('\n')) expect(line.length).toBeLessThanOrEqual(92);
    expect((read(after).data.events as unknown[])[1]).toEqual(LONG);
  });

  it.each([
    [
      'a list in brackets',
      '---\nevents: [{type: raised, date: 2018-08-01}]\n---\n',
      'written as a list in brackets',
    ],
    ['a field that is not a list', '---\nevents: soon\n---\n', 'it is not a list'],
    ['broken YAML', '---\nevents: [\n---\n', 'cannot be read'],
    ['no front matter', 'Just text\n', 'no front matter'],
    ['front matter never closed', '---\nid: X\n', 'not closed'],
  ])('refuses %s', (_name, text, message) => {
    expect(() => appendToList(text, 'events', EVENT, 'f.md')).toThrow(EditError);
    expect(() => appendToList(text, 'events', EVENT, 'f.md')).toThrow(message);
  });

  it('on every example modification: one block added, the rest byte-identical', async () => {
    const dir = path.join(PROJECT_ROOT, 'content/modifications');
    const files = (await readdir(dir)).filter((f) => f.endsWith('.md'));
    expect(files.length).toBeGreaterThan(10);
    for (const f of files) {
      const text = await readFile(path.join(dir, f), 'utf8');
      const after = appendToList(text, 'events', LONG, f);
      expect(inserted(text, after), f).toBeDefined();
      const [b, a] = [read(text), read(after)];
      expect(a.body).toBe(b.body);
      expect(a.data).toEqual({ ...b.data, events: [...((b.data.events as unknown[]) ?? []), LONG] });
    }
  });
});

describe('renderFile and renderYaml', () => {
  it.each([
    [{ title: 'Section D Review: Amendments', version: '5.22', number: 60, flag: true }],
    [{ title: 'A title longer than the line width of ninety-two characters, which must stay on one line' }],
    [
      {
        summary:
          'A  summary with  two double spaces, long enough to be folded, and then a few more words to wrap.',
      },
    ],
    [{ summary: 'Two\nparagraphs' }],
    [{ signedBy: { name: 'David Kemp', role: 'Change Delivery Manager, SECAS' }, featured: [{ news: 'x' }] }],
  ])('%o reads back as written', (fields) => {
    expect(read(renderFile(fields, 'Body\n')).data).toEqual(fields);
    expect(read(renderFile(fields, 'Body\n')).body).toBe('\n\nBody\n');
    expect(jsyaml.load(renderYaml(fields), { schema: jsyaml.CORE_SCHEMA })).toEqual(fields);
  });

  it('leaves out fields that are undefined or empty lists', () => {
    expect(renderFile({ a: 'x', b: undefined, c: [] })).toBe('---\na: x\n---\n');
  });

  it('keeps a title on one line however long', () => {
    const title = 'A title longer than the line width of ninety-two characters, which must stay on one line';
    expect(renderFile({ title })).toBe(`---\ntitle: ${title}\n---\n`);
  });
});
