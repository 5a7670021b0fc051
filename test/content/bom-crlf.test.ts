/**
 * A byte-order mark and Windows line endings are not mistakes: a file saved with either,
 * or both, is read exactly as if it had neither, and its problems are reported at the
 * same lines.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem, sortProblems } from '../../src/lib/content/problems.ts';
import { FIXTURES, runCommand, tempProjects } from './support/project.ts';

const project = tempProjects();

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const TRANSFORMS: Record<string, (b: Buffer) => Buffer> = {
  'a byte-order mark': (b) => Buffer.concat([BOM, b]),
  'CR LF line endings': (b) => Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1'),
  both: (b) => Buffer.concat([BOM, Buffer.from(b.toString('latin1').replace(/\n/g, '\r\n'), 'latin1')]),
};

/** Rewrites every file under a folder. */
async function rewriteAll(dir: string, transform: (b: Buffer) => Buffer): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!e.isFile()) continue;
    const p = path.join(e.parentPath, e.name);
    await writeFile(p, transform(await readFile(p)));
    n++;
  }
  return n;
}

describe('files with a byte-order mark and CR LF line endings (committed fixtures)', () => {
  it('the fixture really has them', async () => {
    const bytes = await readFile(path.join(FIXTURES, 'bom-crlf/content/modifications/SECMP0089.md'));
    expect([...bytes.subarray(0, 3)]).toEqual([...BOM]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    expect(bytes.toString('utf8').replace(/\r\n/g, '')).not.toContain('\n');
  });

  it('load exactly as their plain twins', async () => {
    const windows = await loadContent(await project('bom-crlf'));
    const plain = await loadContent(await project('bom-crlf-plain'));
    expect(windows.problems).toEqual([]);
    expect(plain.problems).toEqual([]);
    const pick = (r: typeof plain) => ({
      modification: r.corpus.modifications.find((m) => m.id === 'SECMP0089'),
      body: r.corpus.bodies.find((b) => b.id === 'change-sub-committee'),
    });
    expect(pick(windows).modification?.data.title).toBe(
      'A modification saved on Windows, with a byte-order mark',
    );
    expect(pick(windows).modification?.body).toContain(
      'Line endings are CR LF in one copy of this file and LF in the other.\n',
    );
    expect(pick(windows).body?.data.description).toBe(
      'A data file saved on Windows, with a byte-order mark and CR LF line endings.',
    );
    expect(pick(windows)).toEqual(pick(plain));
  });

  it('pass npm run check', async () => {
    const { code, stdout } = await runCommand('check', [], await project('bom-crlf'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/✔ \d+ content files are valid/);
  });
});

describe.each(Object.entries(TRANSFORMS))('every example file saved with %s', (_name, transform) => {
  it('loads into the same corpus', async () => {
    const original = await loadContent(await project());
    const root = await project();
    expect(await rewriteAll(path.join(root, 'content'), transform)).toBe(original.files);
    const rewritten = await loadContent(root);
    expect(rewritten.problems).toEqual([]);
    expect(rewritten.corpus).toEqual(original.corpus);
  });

  it('reports the same problems at the same lines in bad input', async () => {
    const cases = (await readdir(path.join(FIXTURES, 'bad-input'))).filter((c) => c !== 'invalid-utf8');
    const overlays = cases.map((c) => `bad-input/${c}`);
    const plain = await loadContent(await project(...overlays));
    const root = await project(...overlays);
    await rewriteAll(path.join(root, 'content'), transform);
    const rewritten = await loadContent(root);
    expect(plain.problems.length).toBeGreaterThan(20);
    expect(sortProblems(rewritten.problems).map(formatProblem)).toEqual(
      sortProblems(plain.problems).map(formatProblem),
    );
  });
});
