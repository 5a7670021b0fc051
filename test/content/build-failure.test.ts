/**
 * A failed `npm run build` leaves the previous output untouched, byte for byte: whether it
 * fails on content (before anything is built) or later, inside Astro.
 */
import { cp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { removeProject, runCommand, snapshot, tempProject } from './support/project.ts';

let root: string;
let out: string;
let built: Record<string, string>;

/** A temporary project: the example content, the code, and the installed packages. */
beforeAll(async () => {
  // With a file saved on Windows (byte-order mark, CR LF): it must build like any other.
  root = await tempProject('bom-crlf');
  for (const entry of ['src', 'public', 'templates', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true }).catch(
      (e: NodeJS.ErrnoException) => {
        if (e.code !== 'ENOENT') throw e;
      },
    );
  }
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  out = path.join(root, 'out');
  const first = await runCommand('build', ['--out', out], root);
  expect(first.stderr).not.toMatch(/^\s+at /m);
  expect(first.code, first.stderr).toBe(0);
  built = await snapshot(out);
}, 300_000);
afterAll(async () => removeProject(root));

describe('a failed build', () => {
  it('the first build produced a site', () => {
    expect(Object.keys(built)).toContain('index.html');
  });

  it('a file with a byte-order mark and CR LF line endings built like any other', async () => {
    const pages = Object.keys(built).filter((f) => f.endsWith('.html'));
    const texts = await Promise.all(pages.map((f) => readFile(path.join(out, f), 'utf8')));
    // Its page: the one with its text (other pages list its title too).
    const page = texts.find((t) =>
      t.includes('Line endings are CR LF in one copy of this file and LF in the other.'),
    );
    expect(page).toBeDefined();
    expect(page).toContain('A modification saved on Windows, with a byte-order mark');
    expect(texts.some((t) => t.includes('\uFEFF'))).toBe(false);
  });

  it('on bad content: exits 1 with the problem, and the previous output is byte-identical', async () => {
    const file = path.join(root, 'content/modifications/SECMP0049.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('title:', 'stage: with-authority\ntitle:'));
    try {
      const { code, stdout, stderr } = await runCommand('build', ['--out', out], root);
      expect(code).toBe(1);
      expect(stderr).toMatch(/^content\/modifications\/SECMP0049\.md:\d+: stage: unknown field: /m);
      expect(stderr).toContain('nothing was written');
      expect(stderr).not.toMatch(/^\s+at /m);
      // Astro's build, started beside the validation, was stopped: none of its messages, and
      // no staging folder left.
      expect(stdout + stderr).not.toMatch(/astro|\[(content|build|vite)\]/i);
      expect(await readdir(path.join(root, '.out-build')).catch(() => [])).toEqual([]);
      expect(await snapshot(out)).toEqual(built);
    } finally {
      await writeFile(file, good);
    }
  });

  it('inside Astro (a page that throws): exits 1, and the previous output is byte-identical, no staging left', async () => {
    const page = path.join(root, 'src/pages/broken-on-purpose.astro');
    await mkdir(path.dirname(page), { recursive: true });
    await writeFile(page, "---\nthrow new Error('broken on purpose');\n---\n<p>never</p>\n");
    try {
      const { code, stderr } = await runCommand('build', ['--out', out], root);
      expect(code).toBe(1);
      expect(stderr).toContain('build failed: dist/ is unchanged');
      expect(await snapshot(out)).toEqual(built);
      // Nothing half-built is left beside the output either (build.ts may leave its empty work folder).
      const work = path.join(root, '.out-build');
      expect(await readdir(work).catch(() => [])).toEqual([]);
    } finally {
      await rm(page, { force: true });
    }
  }, 300_000);
});

describe('a successful build after another', () => {
  it('keeps the build it replaced as previous/, and removes what earlier builds left', async () => {
    const work = path.join(root, '.out-build');
    // A folder a killed build would have left behind.
    await mkdir(path.join(work, 'staging-99999999'), { recursive: true });
    await writeFile(path.join(work, 'staging-99999999/index.html'), '<p>half built</p>');
    const before = await snapshot(out);
    const { code, stderr } = await runCommand('build', ['--out', out], root);
    expect(code, stderr).toBe(0);
    expect(await readdir(work)).toEqual(['previous']);
    expect(await snapshot(path.join(work, 'previous'))).toEqual(before);
    expect(Object.keys(await snapshot(out))).toEqual(Object.keys(before));
  }, 300_000);
});
