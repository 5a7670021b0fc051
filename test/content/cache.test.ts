/**
 * The loader's persistent cache (`node_modules/.cache/sec-press/content/`) changes how fast
 * content loads, never what it gives: the same corpus and the same problems, at the same
 * lines, without it, on a first run that fills it and on the runs that reuse it, whatever
 * happened to the files or to the cache in between.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import {
  appendFile,
  cp,
  mkdir,
  mkdtemp,
  readFile,
  rename,
  rm,
  stat,
  symlink,
  utimes,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, onTestFinished } from 'vitest';
import {
  CACHE_DIR,
  CACHE_FILE,
  ContentCache,
  hashBytes,
  loaderSources,
  RACY_MS,
  type Stamp,
} from '../../src/lib/content/cache.ts';
import { type LoadResult, loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { FIXTURES, NODE, removeProject, runCommand, tempProjects } from './support/project.ts';

const project = tempProjects();

/** Every bad-input case at once: problems of every kind, with lines, in and across files. */
const BAD = readdirSync(path.join(FIXTURES, 'bad-input')).map((c) => `bad-input/${c}`);

const cacheFile = (root: string) => path.join(root, CACHE_DIR, CACHE_FILE);
/** What a load gives, without the count of files taken from the cache. */
const given = ({ corpus, problems, files }: LoadResult) => ({ corpus, problems, files });
const uncached = async (root: string) => given(await loadContent(root, undefined, { cache: false }));

describe('the same corpus and problems with or without the cache', () => {
  it('without it, on the run that fills it, and on the run that reuses it', async () => {
    const root = await project(...BAD);
    const without = await uncached(root);
    expect(existsSync(cacheFile(root)), 'cache: false writes no cache').toBe(false);

    const cold = await loadContent(root);
    expect(cold.fromCache).toBe(0);
    expect(existsSync(cacheFile(root))).toBe(true);
    const warm = await loadContent(root);
    expect(warm.fromCache).toBe(warm.files);

    expect(given(cold)).toStrictEqual(without);
    expect(given(warm)).toStrictEqual(without);
    // Problems of every kind came through: a file's own (with a line), and one across files.
    const lines = warm.problems.map(formatProblem);
    expect(lines).toContainEqual(expect.stringMatching(/^content\/modifications\/SECMP0091\.md:3: title: /));
    expect(lines).toContainEqual(
      expect.stringMatching(/^content\/meetings\/2018-10-12-sec-panel\.md:2: body: no body “sec-panle”/),
    );
    expect(warm.corpus.modifications.length).toBeGreaterThan(10);
    expect(warm.corpus.meetings.some((m) => (m.body ?? '').length > 0)).toBe(true);
  });

  it('the example content: valid, the same entries and bodies', async () => {
    const root = await project();
    const without = await uncached(root);
    expect(without.problems).toEqual([]);
    await loadContent(root);
    const warm = await loadContent(root);
    expect(warm.fromCache).toBe(warm.files);
    expect(given(warm)).toStrictEqual(without);
  });
});

/**
 * Files copied moments ago (as in these tests) are racy, checked against the cache by hash;
 * a load that takes now as a minute later sees them settled, checked by their stamp alone.
 */
describe.each([
  ['files changed moments ago (checked by hash)', () => ({})],
  ['settled files (checked by size and times alone)', () => ({ now: Date.now() + 60_000 })],
])('what invalidates a file’s cached result: %s', (_name, clock) => {
  const load = (root: string) => loadContent(root, undefined, clock());

  it('an edit, even one that keeps the size and the modification time', async () => {
    const root = await project();
    await load(root);
    const file = path.join(root, 'content/modifications/SECMP0049.md');
    const before = await stat(file);
    const text = await readFile(file, 'utf8');
    const edited = text.replace(/^title: "Section/m, 'title: "Sextion');
    expect(edited).not.toBe(text);
    expect(Buffer.byteLength(edited)).toBe(before.size);
    await writeFile(file, edited);
    await utimes(file, before.atime, before.mtime);

    const warm = await load(root);
    expect(warm.fromCache).toBe(warm.files - 1);
    expect(given(warm)).toStrictEqual(await uncached(root));
    const m = warm.corpus.modifications.find((e) => e.id === 'SECMP0049')!;
    expect(m.data.title).toMatch(/^Sextion D Review/);
  });

  it('an edit that breaks a file, then the fix: its problems come and go', async () => {
    const root = await project();
    await load(root);
    const file = path.join(root, 'content/modifications/SECMP0049.md');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace(/^path: .*$/m, 'path: self-governence'));
    const broken = await load(root);
    expect(broken.problems.map(formatProblem)).toEqual([
      expect.stringMatching(
        /^content\/modifications\/SECMP0049\.md:\d+: path: .*did you mean “self-governance”/,
      ),
    ]);
    expect(given(await load(root))).toStrictEqual(given(broken));
    await writeFile(file, good);
    const fixed = await load(root);
    expect(fixed.problems).toEqual([]);
    expect(given(fixed)).toStrictEqual(await uncached(root));
  });

  it('a renamed file is a new file (its id is its name); the old name is gone', async () => {
    const root = await project();
    const cold = await load(root);
    const news = path.join(root, 'content/news');
    const name = cold.corpus.news[0]!.filePath!.split('/').pop()!;
    await rename(path.join(news, name), path.join(news, `renamed-${name}`));

    const warm = await load(root);
    expect(warm.fromCache).toBe(warm.files - 1);
    expect(given(warm)).toStrictEqual(await uncached(root));
    expect(warm.corpus.news.map((n) => n.id)).toContain(`renamed-${name.replace(/\.md$/, '')}`);
    expect(warm.corpus.news.map((n) => n.id)).not.toContain(name.replace(/\.md$/, ''));
  });

  it('two files that swap names (same size, same times) are both read again', async () => {
    const root = await project();
    const dir = path.join(root, 'content/news');
    await writeFile(
      path.join(dir, 'swap-a.md'),
      '---\ntitle: Swap A\ndate: 2018-08-01\ncategory: general\nsummary: First.\n---\n\nA.\n',
    );
    await writeFile(
      path.join(dir, 'swap-b.md'),
      '---\ntitle: Swap B\ndate: 2018-08-02\ncategory: general\nsummary: Other\n---\n\nB.\n',
    );
    const t = new Date('2018-08-31T12:00:00Z');
    await utimes(path.join(dir, 'swap-a.md'), t, t);
    await utimes(path.join(dir, 'swap-b.md'), t, t);
    const cold = await load(root);
    expect(cold.problems).toEqual([]);
    await rename(path.join(dir, 'swap-a.md'), path.join(dir, 'swap-tmp.md'));
    await rename(path.join(dir, 'swap-b.md'), path.join(dir, 'swap-a.md'));
    await rename(path.join(dir, 'swap-tmp.md'), path.join(dir, 'swap-b.md'));

    const warm = await load(root);
    expect(warm.fromCache).toBe(warm.files - 2);
    expect(given(warm)).toStrictEqual(await uncached(root));
    expect(warm.corpus.news.find((n) => n.id === 'swap-a')!.data.title).toBe('Swap B');
  });

  it('a deleted file: what referred to it is reported, as without the cache', async () => {
    const root = await project();
    expect((await load(root)).problems).toEqual([]);
    await rm(path.join(root, 'content/bodies/sec-panel.yaml'));
    const warm = await load(root);
    expect(warm.fromCache).toBe(warm.files);
    expect(warm.problems.length).toBeGreaterThan(0);
    expect(warm.problems.map(formatProblem)).toContainEqual(
      expect.stringMatching(/: body: no body “sec-panel”/),
    );
    expect(given(warm)).toStrictEqual(await uncached(root));
  });
});

describe('what invalidates all cached results', () => {
  it('another version of the loader or the schemas: nothing is reused', async () => {
    const root = await project();
    const contentDir = path.join(root, 'content');
    const stamp: Stamp = [10, 1000, 1000, 1];
    const old = new ContentCache<string>(root, contentDir, { version: 'schemas as they were' });
    old.set('content/news/a.md', stamp, null, 'then');
    old.save();
    const same = new ContentCache<string>(root, contentDir, { version: 'schemas as they were' });
    expect(same.get('content/news/a.md', stamp, 0, noRead)).toBe('then');
    same.close();
    const changed = new ContentCache<string>(root, contentDir, { version: 'schemas as they are' });
    expect(changed.size).toBe(0);
    expect(changed.get('content/news/a.md', stamp, 0, noRead)).toBeUndefined();
    changed.close();
  });

  it('the version covers the loader, every schema and what they import, by content', () => {
    const sources = [...loaderSources().keys()].map((f) => path.relative(PROJECT_ROOT, f));
    const schemas = readdirSync(path.join(PROJECT_ROOT, 'src/schemas')).map((f) => `src/schemas/${f}`);
    const loader = readdirSync(path.join(PROJECT_ROOT, 'src/lib/content')).map((f) => `src/lib/content/${f}`);
    expect(sources).toEqual(
      expect.arrayContaining([...schemas, ...loader, 'src/lib/dates.ts', 'src/lib/corpus.ts']),
    );
    for (const [file, bytes] of loaderSources()) expect(bytes.length, file).toBeGreaterThan(0);
  });

  it('a change to a schema, or to a module a schema imports, empties it (end to end, on a copy of the code)', async () => {
    const code = await mkdtemp(path.join(tmpdir(), 'sec-press-code-'));
    onTestFinished(() => removeProject(code));
    await cp(path.join(PROJECT_ROOT, 'src'), path.join(code, 'src'), { recursive: true });
    await symlink(path.join(PROJECT_ROOT, 'node_modules'), path.join(code, 'node_modules'));
    const root = await project();
    const loader = pathToFileURL(path.join(code, 'src/lib/content/load.ts')).href;
    /** How many files a fresh process took from the cache, of how many. */
    const fromCache = () => {
      const run = spawnSync(
        NODE,
        [
          '--input-type=module',
          '-e',
          `const { loadContent } = await import(${JSON.stringify(loader)});
           const r = await loadContent(${JSON.stringify(root)});
           console.log(JSON.stringify([r.fromCache, r.files, r.problems.length]));`,
        ],
        { encoding: 'utf8' },
      );
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as [number, number, number];
    };
    const [, files] = fromCache();
    expect(fromCache()).toEqual([files, files, 0]);
    await appendFile(path.join(code, 'src/schemas/news.ts'), '\n// A comment is a change too.\n');
    expect(fromCache()).toEqual([0, files, 0]);
    expect(fromCache()).toEqual([files, files, 0]);
    await appendFile(path.join(code, 'src/lib/dates.ts'), '\n// Imported by the schemas.\n');
    expect(fromCache()).toEqual([0, files, 0]);
  });

  it('another content folder: nothing is reused', async () => {
    const root = await project();
    const stamp: Stamp = [10, 1000, 1000, 1];
    const a = new ContentCache<string>(root, path.join(root, 'content'), { version: 'v' });
    a.set('content/news/a.md', stamp, null, 'a');
    a.save();
    const b = new ContentCache<string>(root, path.join(root, 'elsewhere'), { version: 'v' });
    expect(b.size).toBe(0);
    b.close();
  });
});

/** A byte reader that must not be called: the stamp alone decides. */
const noRead = (): Uint8Array => {
  throw new Error('the bytes were read');
};

describe('racy files: changed within moments of being read', () => {
  const rel = 'content/news/a.md';
  const stamp: Stamp = [5, 1_000_000, 1_000_000, 7];
  const atRead = stamp[1] + 10; // read 10 ms after the change: racy
  const later = stamp[1] + RACY_MS + 1;
  const bytesA = Buffer.from('aaaaa');
  const bytesB = Buffer.from('bbbbb');

  async function cacheWith(hash: string | null) {
    const root = await project();
    const contentDir = path.join(root, 'content');
    const c = new ContentCache<string>(root, contentDir, { version: 'v' });
    c.set(rel, stamp, hash, 'A');
    c.save();
    return () => new ContentCache<string>(root, contentDir, { version: 'v' });
  }

  it('a settled file is trusted on its stamp alone, and a different stamp is a miss', async () => {
    const open = await cacheWith(null);
    const c = open();
    expect(c.get(rel, stamp, later, noRead)).toBe('A');
    expect(c.get(rel, [6, stamp[1], stamp[2], stamp[3]], later, noRead)).toBeUndefined();
    expect(c.get(rel, [5, stamp[1] + 1, stamp[2], stamp[3]], later, noRead)).toBeUndefined();
    expect(c.get(rel, [5, stamp[1], stamp[2] + 1, stamp[3]], later, noRead)).toBeUndefined();
    expect(c.get(rel, [5, stamp[1], stamp[2], 8], later, noRead)).toBeUndefined();
    c.close();
  });

  it('a racy file is reused only if its bytes still hash the same', async () => {
    const open = await cacheWith(hashBytes(bytesA));
    const c = open();
    expect(c.get(rel, stamp, atRead, () => bytesB)).toBeUndefined();
    expect(c.get(rel, stamp, atRead, () => bytesA)).toBe('A');
    c.close();
  });

  it('once settled, its hash is dropped and its stamp alone is trusted', async () => {
    const open = await cacheWith(hashBytes(bytesA));
    const c = open();
    expect(c.get(rel, stamp, later, () => bytesA)).toBe('A');
    c.save();
    expect(open().get(rel, stamp, later, noRead)).toBe('A');
  });

  it('the loader keeps a hash of a file changed moments ago, and reuses it only for the same bytes', async () => {
    const root = await project();
    const file = path.join(root, 'content/news/racy.md');
    const text = (title: string) =>
      `---\ntitle: ${title}\ndate: 2018-08-01\ncategory: general\nsummary: One.\n---\n\nText.\n`;
    await writeFile(file, text('Racy A'));
    // Read moments after it was written, however busy the machine.
    await loadContent(root, undefined, { now: (await stat(file)).ctimeMs + 10 });
    // As if rewritten in the same tick of the file system's clock: every part of the stamp
    // as it was, only the bytes differ.
    const s = await stat(file);
    const stamp: Stamp = [s.size, s.mtimeMs, s.ctimeMs, s.ino];
    const cache = new ContentCache(root, path.join(root, 'content'), { writable: false });
    expect(
      cache.get('content/news/racy.md', stamp, Date.now(), () => Buffer.from(text('Racy B'))),
    ).toBeUndefined();
    expect(
      cache.get('content/news/racy.md', stamp, Date.now(), () => Buffer.from(text('Racy A'))),
    ).toBeDefined();
    cache.close();
  });
});

describe('a damaged cache is ignored and rebuilt, never an error', () => {
  const damages: Record<string, (bytes: Buffer) => Buffer> = {
    'random bytes': (b) => Buffer.from(b.map((_, i) => (i * 7919) % 256)),
    'cut in half': (b) => b.subarray(0, b.length >> 1),
    'one byte changed in the middle': (b) => {
      const out = Buffer.from(b);
      out[out.length >> 1] = out[out.length >> 1]! ^ 0xff;
      return out;
    },
    'one byte changed at the end': (b) => {
      const out = Buffer.from(b);
      out[out.length - 1] = out[out.length - 1]! ^ 0x01;
      return out;
    },
    empty: () => Buffer.alloc(0),
  };

  it.each(Object.entries(damages))('%s', async (_name, damage) => {
    const root = await project(...BAD);
    const without = await uncached(root);
    await loadContent(root);
    await writeFile(cacheFile(root), damage(await readFile(cacheFile(root))));
    const damaged = await loadContent(root);
    expect(damaged.fromCache).toBe(0);
    expect(given(damaged)).toStrictEqual(without);
    const rebuilt = await loadContent(root);
    expect(rebuilt.fromCache).toBe(rebuilt.files);
    expect(given(rebuilt)).toStrictEqual(without);
  });

  it('a folder where the cache file should be', async () => {
    const root = await project();
    await mkdir(cacheFile(root), { recursive: true });
    const loaded = await loadContent(root);
    expect(given(loaded)).toStrictEqual(await uncached(root));
    expect(given(await loadContent(root))).toStrictEqual(await uncached(root));
  });

  it('a cache folder that cannot be made', async () => {
    const root = await project();
    await writeFile(path.join(root, 'node_modules'), 'not a folder');
    expect(given(await loadContent(root))).toStrictEqual(await uncached(root));
  });
});

describe('when the cache is not written', () => {
  afterEach(() => {
    delete process.env.SEC_PRESS_CACHE;
  });

  it('SEC_PRESS_CACHE=0 turns it off', async () => {
    const root = await project();
    process.env.SEC_PRESS_CACHE = '0';
    const loaded = await loadContent(root);
    expect(loaded.fromCache).toBe(0);
    expect(existsSync(cacheFile(root))).toBe(false);
  });

  it('a load with overrides (the editors’ commands checking an edit) uses it but leaves it as it was', async () => {
    const root = await project();
    await loadContent(root);
    const before = await readFile(cacheFile(root));
    const rel = 'content/modifications/SECMP0049.md';
    const text = (await readFile(path.join(root, rel), 'utf8')).replace(/^title: .*$/m, 'title: Overridden');
    const overridden = await loadContent(root, undefined, { overrides: new Map([[rel, Buffer.from(text)]]) });
    expect(overridden.fromCache).toBe(overridden.files - 1);
    expect(overridden.corpus.modifications.find((m) => m.id === 'SECMP0049')!.data.title).toBe('Overridden');
    expect(await readFile(cacheFile(root))).toEqual(before);
    const again = await loadContent(root);
    expect(again.corpus.modifications.find((m) => m.id === 'SECMP0049')!.data.title).not.toBe('Overridden');
  });
});

describe('npm run check, as a command', () => {
  it('prints the same problems on the run that fills the cache and the one that reuses it', async () => {
    const root = await project(...BAD);
    const first = await runCommand('check', [], root);
    expect(existsSync(cacheFile(root))).toBe(true);
    const second = await runCommand('check', [], root);
    expect(first.code).toBe(1);
    expect(second.code).toBe(1);
    expect(second.stderr).toBe(first.stderr);
    expect(second.stderr.split('\n').length).toBeGreaterThan(20);
  });
});
