/** `npm run newsletter -- YYYY-MM [--out DIR]`, run as a process. */
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from './support/command.ts';
import { ROOT } from './support/example.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'nl-cli-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

/** A copy of the project's content and templates to break. */
async function project(): Promise<string> {
  const root = await mkdtemp(path.join(work, 'project-'));
  await cp(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  await cp(path.join(ROOT, 'templates'), path.join(root, 'templates'), { recursive: true });
  return root;
}

describe('npm run newsletter', () => {
  it('builds one issue into DIR/newsletters/YYYY-MM/ and prints each file with its size', async () => {
    const out = path.join(work, 'out');
    // Rendered, not copied from the cache.
    const result = await run('src/cli/newsletter.ts', ['2018-08', '--out', out], { SEC_PRESS_CACHE: '0' });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const dir = path.join(out, 'newsletters/2018-08');
    expect((await readdir(dir)).sort()).toEqual(['email.eml', 'email.html', 'email.txt', 'issue.json']);
    for (const file of ['email.html', 'email.txt', 'email.eml', 'issue.json']) {
      expect(result.stdout).toMatch(
        new RegExp(`newsletters/2018-08/${file.replace('.', '\\.')}\\s+\\d+\\.\\d KB`),
      );
    }
    expect(result.stdout).toMatch(/✔ newsletter 2018-08 in \d+\.\d s\n$/);
    const meta = JSON.parse(await readFile(path.join(dir, 'issue.json'), 'utf8'));
    const html = await readFile(path.join(dir, 'email.html'), 'utf8');
    expect(meta).toMatchObject({
      month: '2018-08',
      subject: 'SEC Newsletter August 2018',
      webUrl: 'https://sec-press.example/newsletters/2018-08/',
      sizes: { html: Buffer.byteLength(html) },
    });
  });

  it.each<[string, string[], RegExp]>([
    [
      'a month without a newsletter file',
      ['2018-09'],
      /there is no newsletter for 2018-09: content\/newsletters\/2018-09\.md does not exist \(newsletters: 2018-08\)/,
    ],
    ['no month', [], /which month\? usage: npm run newsletter -- YYYY-MM \[--out DIR\]/],
    ['a month written otherwise', ['08/2018'], /“08\/2018” is not a month: write it YYYY-MM/],
    ['--out without a folder', ['2018-08', '--out'], /--out needs a folder/],
  ])('fails clearly for %s', async (_, args, message) => {
    const result = await run('src/cli/newsletter.ts', args);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  });

  it('fails for a broken reference in the newsletter file, naming the file, line and field, and writes nothing', async () => {
    const root = await project();
    const file = path.join(root, 'content/newsletters/2018-08.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'consultation/half-hourly-settlement-data-access',
        'consultation/nope',
      ),
    );
    const out = path.join(root, 'dist');
    const result = await run('src/cli/newsletter.ts', ['2018-08', '--out', out], { SEC_PRESS_ROOT: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^content\/newsletters\/2018-08\.md:\d+: sections\.information\.order\[0\]: no item “consultation\/nope”/m,
    );
    expect(result.stderr).toMatch(/nothing was written/);
    await expect(readdir(out)).rejects.toThrow();
  });

  it('fails for a featured item that does not exist, as npm run check does', async () => {
    const root = await project();
    const file = path.join(root, 'content/newsletters/2018-08.md');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace(
        'news: 2018-08-introduction-to-the-sec-seminar',
        'news: 2018-08-intro-seminar',
      ),
    );
    const result = await run('src/cli/newsletter.ts', ['2018-08'], { SEC_PRESS_ROOT: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^content\/newsletters\/2018-08\.md:\d+: featured\[1\]\.news: no news item “2018-08-intro-seminar”/m,
    );
  });

  it('fails for a template MJML rejects, naming the template', async () => {
    const root = await project();
    const file = path.join(root, 'templates/sections/change.mjml');
    await writeFile(
      file,
      (await readFile(file, 'utf8')).replace('<mj-divider />', '<mj-divider /><mj-section></mj-section>'),
    );
    const result = await run('src/cli/newsletter.ts', ['2018-08'], { SEC_PRESS_ROOT: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /templates\/sections\/change\.mjml: <mj-section>: mj-section cannot be used inside mj-column/,
    );
  });

  it('copies an unchanged issue from the cache, and renders again after a template or content change', async () => {
    const root = await project();
    const out = path.join(root, 'dist');
    const build = () => run('src/cli/newsletter.ts', ['2018-08', '--out', out], { SEC_PRESS_ROOT: root });
    const html = () => readFile(path.join(out, 'newsletters/2018-08/email.html'), 'utf8');
    const first = await build();
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).not.toMatch(/from the cache/);
    const rendered = await html();
    await rm(out, { recursive: true });

    const second = await build();
    expect(second.code, second.stderr).toBe(0);
    expect(second.stdout).toMatch(/✔ newsletter 2018-08 in \d+\.\d s \(unchanged: copied from the cache\)/);
    expect(await html()).toBe(rendered);

    const footer = path.join(root, 'templates/layout.mjml');
    await writeFile(
      footer,
      (await readFile(footer, 'utf8')).replace('Unsubscribe</a>', 'Stop these emails</a>'),
    );
    const third = await build();
    expect(third.stdout).not.toMatch(/from the cache/);
    expect(await html()).toContain('Stop these emails');

    const intro = path.join(root, 'content/newsletters/2018-08.md');
    await writeFile(intro, `${await readFile(intro, 'utf8')}\nA sentence added to the introduction.\n`);
    const fourth = await build();
    expect(fourth.stdout).not.toMatch(/from the cache/);
    expect(await html()).toContain('A sentence added to the introduction.');
  });

  it('npm run check reports a newsletter month with nothing in it', async () => {
    const root = await project();
    await writeFile(
      path.join(root, 'content/newsletters/2031-01.md'),
      '---\ntitle: SEC Newsletter January 2031\nissueDate: 2031-01-20\npreheader: Nothing yet.\nsignedBy:\n  name: A Editor\n  role: Editor\n---\n\nHello.\n',
    );
    const result = await run('src/cli/check.ts', [], { SEC_PRESS_ROOT: root });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^content\/newsletters\/2031-01\.md:3: issueDate: nothing to send for January 2031/m,
    );
  });
});
