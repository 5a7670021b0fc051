/**
 * The cache of rendered issues: what its key is made of (so nothing is served stale), its
 * entries, and a build that renders only what the cache lacks; the worker pool that renders.
 */
import { cp, mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIssues, type Renderer } from '../../src/lib/newsletter/build.ts';
import {
  copyEntry,
  folderFingerprint,
  issueKey,
  PRUNE_AFTER_MS,
  pruneEntries,
  readEntry,
  sourceFingerprint,
  writeEntry,
} from '../../src/lib/newsletter/cache.ts';
import { FILE_NAMES } from '../../src/lib/newsletter/files.ts';
import { RenderPool } from '../../src/lib/newsletter/render/pool.ts';
import { emailSettings } from '../../src/lib/newsletter/settings.ts';
import { augustEmail, augustIssue, CONFIG, exampleCorpus, ROOT, TEMPLATES } from './support/example.ts';

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'nl-cache-'));
});
afterAll(() => rm(work, { recursive: true, force: true }));

const dir = (name: string) => mkdtemp(path.join(work, `${name}-`));

describe('the key of an issue', () => {
  const settings = emailSettings(CONFIG);
  const prints = { renderer: 'r1', templates: 't1', settings };

  it('is the same for the same issue, templates, settings and renderer', async () => {
    const issue = await augustIssue();
    expect(issueKey(issue, prints)).toBe(issueKey(structuredClone(issue), { ...prints }));
  });

  it.each<[string, (p: typeof prints) => typeof prints]>([
    ['the templates', (p) => ({ ...p, templates: 't2' })],
    ['the renderer', (p) => ({ ...p, renderer: 'r2' })],
    ['the site URL', (p) => ({ ...p, settings: { ...p.settings, siteUrl: 'https://other.example' } })],
    ['the unsubscribe link', (p) => ({ ...p, settings: { ...p.settings, unsubscribeUrl: '%unsubscribe%' } })],
  ])('changes with %s', async (_, change) => {
    const issue = await augustIssue();
    expect(issueKey(issue, change(prints))).not.toBe(issueKey(issue, prints));
  });

  it('changes with anything in the issue', async () => {
    const issue = await augustIssue();
    const edited = structuredClone(issue);
    const editorial = edited.sections[0]!;
    if (editorial.kind !== 'editorial') throw new Error('the editorial comes first');
    editorial.intro = { markdown: `${editorial.intro.markdown}!` };
    expect(issueKey(edited, prints)).not.toBe(issueKey(issue, prints));
  });
});

describe('fingerprints', () => {
  it('of a folder: changes with a file’s bytes, name or a new file', async () => {
    const templates = await dir('templates');
    await cp(TEMPLATES, templates, { recursive: true });
    const before = await folderFingerprint(templates);
    expect(await folderFingerprint(templates)).toBe(before);
    const votes = path.join(templates, 'blocks/votes.mjml');
    const source = await readFile(votes, 'utf8');
    await writeFile(votes, `${source} `);
    expect(await folderFingerprint(templates)).not.toBe(before);
    await writeFile(votes, source);
    expect(await folderFingerprint(templates)).toBe(before);
    await writeFile(path.join(templates, 'partials/new.mjml'), '');
    expect(await folderFingerprint(templates)).not.toBe(before);
  });

  it('of the renderer: follows its imports into every module the output depends on', async () => {
    const src = path.join(await dir('src'), 'src');
    await cp(path.join(ROOT, 'src'), src, { recursive: true });
    const entry = path.join(src, 'lib/newsletter/render/index.ts');
    const before = await sourceFingerprint(entry);
    // The sanitise schema (through markdown.ts), the date words (through format.ts), merge tags.
    for (const file of ['lib/markdown/sanitize.ts', 'lib/dates.ts', 'lib/newsletter/merge-tags.ts']) {
      const f = path.join(src, file);
      const text = await readFile(f, 'utf8');
      await writeFile(f, `${text}\n// changed\n`);
      expect(await sourceFingerprint(entry), file).not.toBe(before);
      await writeFile(f, text);
    }
    // Not imported by the renderer: no effect.
    await writeFile(path.join(src, 'lib/register.ts'), '// changed\n');
    expect(await sourceFingerprint(entry)).toBe(before);
  });
});

describe('entries', () => {
  const files = {
    'email.html': '<p>x</p>',
    'email.txt': 'x\n',
    'email.eml': new Uint8Array([1, 2, 3]),
    'issue.json': '{}\n',
  };

  it('are written whole, read back and copied into an issue’s folder', async () => {
    const cache = await dir('cache');
    expect(await readEntry(cache, 'k')).toBeUndefined();
    await writeEntry(cache, 'k', { files, warnings: ['close to the limit'] });
    const entry = await readEntry(cache, 'k');
    expect(entry?.warnings).toEqual(['close to the limit']);
    const out = path.join(await dir('out'), 'newsletters/2030-03');
    await copyEntry(entry!.dir, out);
    expect((await readdir(out)).sort()).toEqual([...FILE_NAMES].sort());
    expect([...(await readFile(path.join(out, 'email.eml')))]).toEqual([1, 2, 3]);
    // Nothing temporary left in the cache.
    expect(await readdir(cache)).toEqual(['k']);
  });

  it('are pruned when unused by a build and unused for a week', async () => {
    const cache = await dir('cache');
    for (const key of ['used', 'recent', 'old']) await writeEntry(cache, key, { files, warnings: [] });
    const old = new Date(Date.now() - PRUNE_AFTER_MS - 60_000);
    await utimes(path.join(cache, 'old'), old, old);
    await utimes(path.join(cache, 'used'), old, old);
    expect(await pruneEntries(cache, new Set(['used']))).toBe(1);
    expect((await readdir(cache)).sort()).toEqual(['recent', 'used']);
  });
});

describe('buildIssues with the cache', () => {
  it('renders an issue once, then copies it: the same files, no renderer made', async () => {
    const root = await dir('root');
    const corpus = await exampleCorpus();
    const options = { root, templatesDir: TEMPLATES, config: CONFIG, cache: true };
    const first = await buildIssues(corpus, ['2018-08'], { ...options, outDir: path.join(root, 'a') });
    expect(first[0]?.cached).toBe(false);
    const noRenderer = (): Renderer => {
      throw new Error('nothing should be rendered');
    };
    const second = await buildIssues(corpus, ['2018-08'], {
      ...options,
      outDir: path.join(root, 'b'),
      renderer: noRenderer,
    });
    expect(second[0]).toMatchObject({ cached: true, key: first[0]?.key, meta: first[0]?.meta });
    expect(second[0]?.files.map((f) => f.bytes)).toEqual(first[0]?.files.map((f) => f.bytes));
    for (const name of FILE_NAMES) {
      expect(await readFile(path.join(root, 'b/newsletters/2018-08', name))).toEqual(
        await readFile(path.join(root, 'a/newsletters/2018-08', name)),
      );
    }
  });

  it('renders again when the templates change', async () => {
    const root = await dir('root');
    const templates = path.join(root, 'templates');
    await cp(TEMPLATES, templates, { recursive: true });
    const corpus = await exampleCorpus();
    const options = {
      root,
      templatesDir: templates,
      config: CONFIG,
      cache: true,
      outDir: path.join(root, 'out'),
    };
    expect((await buildIssues(corpus, ['2018-08'], options))[0]?.cached).toBe(false);
    expect((await buildIssues(corpus, ['2018-08'], options))[0]?.cached).toBe(true);
    const layout = path.join(templates, 'layout.mjml');
    await writeFile(
      layout,
      (await readFile(layout, 'utf8')).replace('Unsubscribe</a>', 'Leave the list</a>'),
    );
    const again = await buildIssues(corpus, ['2018-08'], options);
    expect(again[0]?.cached).toBe(false);
    expect(await readFile(path.join(root, 'out/newsletters/2018-08/email.html'), 'utf8')).toContain(
      'Leave the list',
    );
  });
});

describe('RenderPool', () => {
  it('renders in a worker thread exactly what renderIssue renders in the process', async () => {
    const pool = new RenderPool(1);
    try {
      const rendered = await pool.render(await augustIssue(), emailSettings(CONFIG), TEMPLATES);
      const local = await augustEmail();
      expect(rendered.files?.['email.html']).toBe(local.html);
      expect(rendered.files?.['email.txt']).toBe(local.text);
      expect(Buffer.from(rendered.files!['email.eml']).equals(local.eml)).toBe(true);
      expect(rendered.meta).toEqual(local.meta);
      expect(rendered.bytes['email.html']).toBe(Buffer.byteLength(local.html));
    } finally {
      await pool.close();
    }
  });

  it('writes the files itself when told where: the same bytes', async () => {
    const pool = new RenderPool(1);
    try {
      const out = path.join(await dir('written'), 'newsletters/2018-08');
      const rendered = await pool.render(await augustIssue(), emailSettings(CONFIG), TEMPLATES, { dir: out });
      expect(rendered.files).toBeUndefined();
      const local = await augustEmail();
      expect(await readFile(path.join(out, 'email.html'), 'utf8')).toBe(local.html);
      expect((await readFile(path.join(out, 'email.eml'))).equals(local.eml)).toBe(true);
      expect(JSON.parse(await readFile(path.join(out, 'issue.json'), 'utf8'))).toEqual(local.meta);
    } finally {
      await pool.close();
    }
  });

  it('fails with the renderer’s own message', async () => {
    const pool = new RenderPool(1);
    try {
      await expect(
        pool.render(await augustIssue(), emailSettings(CONFIG), path.join(work, 'no-templates')),
      ).rejects.toThrow(/the email templates folder .*no-templates is missing/);
    } finally {
      await pool.close();
    }
  });
});
