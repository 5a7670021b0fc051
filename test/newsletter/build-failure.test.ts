/**
 * `npm run build` renders the newsletters beside the site (at the same time, into a folder of
 * their own): an issue that fails to render fails the build once the site is done, and the
 * previous output stays as it was, with nothing half-built left beside it.
 */
import { cp, mkdir, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { removeProject, runCommand, snapshot, tempProject } from '../content/support/project.ts';

let root: string;

beforeAll(async () => {
  root = await tempProject();
  for (const entry of ['src', 'public', 'templates', 'astro.config.mjs', 'tsconfig.json', 'package.json']) {
    await cp(path.join(PROJECT_ROOT, entry), path.join(root, entry), { recursive: true });
  }
  await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
});
afterAll(() => removeProject(root));

describe('a newsletter that fails to render during npm run build', () => {
  it('fails the build, naming the template; the previous output is byte-identical, no staging left', async () => {
    const out = path.join(root, 'out');
    await mkdir(path.join(out, 'newsletters/2018-08'), { recursive: true });
    await writeFile(path.join(out, 'index.html'), '<p>the previous build</p>');
    await writeFile(path.join(out, 'newsletters/2018-08/email.html'), '<p>the previous email</p>');
    const before = await snapshot(out);

    const change = path.join(root, 'templates/sections/change.mjml');
    await writeFile(
      change,
      (await readFile(change, 'utf8')).replace('<mj-divider />', '<mj-divider /><mj-section></mj-section>'),
    );
    const { code, stderr } = await runCommand('build', ['--out', out], root);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /templates\/sections\/change\.mjml: <mj-section>: mj-section cannot be used inside mj-column/,
    );
    expect(stderr).toContain('build failed: dist/ is unchanged');
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(await snapshot(out)).toEqual(before);
    expect(await readdir(path.join(root, '.out-build')).catch(() => [])).toEqual([]);
  }, 300_000);
});
