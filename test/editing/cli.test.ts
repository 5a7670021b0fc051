/**
 * The editors' commands as editors run them, on a copy of the content: what they write,
 * what they refuse (exit 1, a message, no stack trace) and that a refusal writes nothing.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { runCommand, snapshot, tempProjects } from '../content/support/project.ts';

const project = tempProjects();

const noStackTrace = (s: string) => expect(s).not.toMatch(/^\s+at /m);

/** Runs a command expected to fail; checks that nothing under content/ changed. */
async function refused(root: string, script: 'new' | 'record', args: string[]): Promise<string> {
  const before = await snapshot(path.join(root, 'content'));
  const { code, stdout, stderr } = await runCommand(script, args, root);
  expect(code, stdout + stderr).toBe(1);
  noStackTrace(stderr);
  expect(await snapshot(path.join(root, 'content'))).toEqual(before);
  return stderr;
}

describe('npm run new', () => {
  it('creates a valid modification with the next free id and prints its path', async () => {
    const root = await project();
    const { code, stdout, stderr } = await runCommand(
      'new',
      ['modification', '--title', 'Users to notify SSC of a second User System'],
      root,
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^✔ Created content\/modifications\/SECMP0059\.md$/m);
    const text = await readFile(path.join(root, 'content/modifications/SECMP0059.md'), 'utf8');
    expect(text).toMatch(/^---\nid: SECMP0059\ntitle: Users to notify SSC of a second User System\n---\n/);
    const { problems, corpus } = await loadContent(root);
    expect(problems).toEqual([]);
    expect(corpus.modifications.map((m) => m.id)).toContain('SECMP0059');
  });

  it('refuses to overwrite an existing file', async () => {
    const root = await project();
    const stderr = await refused(root, 'new', [
      'meeting',
      '--body',
      'sec-panel',
      '--date',
      '2018-09-14',
      '--number',
      '60',
    ]);
    expect(stderr).toContain('content/meetings/2018-09-14-sec-panel.md exists already: nothing was written');
  });

  it('writes nothing when the loader rejects the result, and says why as file:line: field:', async () => {
    const root = await project();
    const stderr = await refused(root, 'new', [
      'consultation',
      '--title',
      'Backwards',
      '--opens',
      '2018-10-05',
      '--closes',
      '2018-10-01',
      '--summary',
      'S.',
    ]);
    expect(stderr).toMatch(
      /^content\/consultations\/backwards\.md:\d+: closes: closes \(2018-10-01\) before it opens \(2018-10-05\)$/m,
    );
    expect(stderr).toContain('nothing was written');
  });

  it('passes npm run check’s newsletter check too: no newsletter for a month with nothing to send', async () => {
    const root = await project();
    const stderr = await refused(root, 'new', [
      'newsletter',
      '2019-03',
      '--date',
      '2019-03-21',
      '--preheader',
      'P',
    ]);
    expect(stderr).toMatch(
      /^content\/newsletters\/2019-03\.md:\d+: issueDate: nothing to send for March 2019/m,
    );
  });

  // Usage mistakes are covered one by one in scaffold.test.ts; here, that they reach the editor.
  it('a usage mistake: one line, exit 1', async () => {
    const stderr = await refused(await project(), 'new', ['modifcation']);
    expect(stderr.trim()).toBe(
      '✘ “modifcation” is not a kind of content; did you mean “modification”? (kinds: modification, meeting, news, consultation, designation, newsletter, party-stats, body, page)',
    );
  });

  it('--help describes the kinds, and each kind', async () => {
    const root = await project();
    const all = await runCommand('new', ['--help'], root);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Usage: npm run new -- <kind> [options]');
    const one = await runCommand('new', ['meeting', '--help'], root);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(
      /^Usage: npm run new -- meeting --body <body> --date <YYYY-MM-DD> \[options\]/,
    );
  });
});

describe('npm run record', () => {
  it('“DMR presented at SEC Panel meeting 60” in one command; the rest of the file is byte-identical', async () => {
    const root = await project();
    const file = path.join(root, 'content/modifications/SECMP0009.md');
    const before = await readFile(file, 'utf8');
    const { code, stdout, stderr } = await runCommand(
      'record',
      ['SECMP0009', 'dmr-presented', '--meeting', 'sec-panel 60'],
      root,
    );
    expect(code, stderr).toBe(0);
    expect(stdout).toContain(
      'SECMP0009: Draft Modification Report (DMR) presented to the Panel, 14th September 2018, at SEC Panel meeting 60',
    );
    const after = await readFile(file, 'utf8');
    const block = '  - type: dmr-presented\n    date: 2018-09-14\n    meeting: 2018-09-14-sec-panel\n';
    const at = before.indexOf('---', 4);
    expect(after).toBe(before.slice(0, at) + block + before.slice(at));
    expect((await loadContent(root)).problems).toEqual([]);
  });

  it('keeps a byte-order mark and CR LF line endings', async () => {
    const root = await project('bom-crlf');
    const file = path.join(root, 'content/modifications/SECMP0089.md');
    const before = await readFile(file);
    const { code, stderr } = await runCommand(
      'record',
      ['SECMP0089', 'note', '--date', '2018-09', '--summary', 'Saved on Windows.'],
      root,
    );
    expect(code, stderr).toBe(0);
    const after = await readFile(file);
    expect([...after.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = after.toString('utf8');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    expect(text).toContain(
      '  - type: note\r\n    date: 2018-09\r\n    summary: Saved on Windows.\r\n---\r\n',
    );
    expect(
      text.endsWith(before.toString('utf8').slice(before.toString('utf8').indexOf('\r\n---\r\n', 5) + 2)),
    ).toBe(true);
  });

  it('writes nothing when the result is invalid: an event before the modification was raised', async () => {
    const root = await project();
    expect((await runCommand('record', ['SECMP0006', 'raised', '--date', '2018-08-15'], root)).code).toBe(0);
    const stderr = await refused(root, 'record', [
      'SECMP0006',
      'imr-presented',
      '--date',
      '2018-08-10',
      '--outcome',
      'refinement',
    ]);
    expect(stderr).toMatch(
      /^content\/modifications\/SECMP0006\.md:\d+: events\[1\]\.date: imr-presented on 2018-08-10 is before the modification was raised \(2018-08-15\)$/m,
    );
    expect(stderr).toContain('nothing was written');
  });

  it('shows the problems of a modification whose file is already invalid', async () => {
    const root = await project('bad-input/stage-written');
    const stderr = await refused(root, 'record', ['SECMP0093', 'note', '--summary', 'S.']);
    expect(stderr).toMatch(/^content\/modifications\/SECMP0093\.md:4: stage: unknown field: /m);
  });

  // Usage mistakes are covered one by one in record.test.ts; here, that they reach the editor.
  it('a usage mistake: one line, exit 1', async () => {
    const stderr = await refused(await project(), 'record', [
      'SECMP0009',
      'dmr-presented',
      '--meetng',
      'sec-panel 60',
    ]);
    expect(stderr.trim()).toBe(
      '✘ unknown option --meetng; did you mean “--meeting”? (see npm run record -- --help)',
    );
  });

  it('--dry-run shows the lines it would add and writes nothing', async () => {
    const root = await project();
    const before = await snapshot(path.join(root, 'content'));
    const { code, stdout } = await runCommand(
      'record',
      ['SECMP0041', 'fmr-issued', '--date', '2018-09-20', '--dry-run'],
      root,
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      'Would add to content/modifications/SECMP0041.md (nothing written):\n  - type: fmr-issued\n    date: 2018-09-20',
    );
    expect(await snapshot(path.join(root, 'content'))).toEqual(before);
  });

  it('--help says the default date', async () => {
    const { code, stdout } = await runCommand('record', ['--help'], await project());
    expect(code).toBe(0);
    expect(stdout).toContain('else today in Europe/London');
  });
});
