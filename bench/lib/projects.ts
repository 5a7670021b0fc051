/**
 * The three projects a benchmark size builds, all from one generated `content/`:
 *
 * - `site/`: this project as committed (a `git archive` of HEAD, or the working tree with
 *   `--worktree`), without its content, tests or benchmark; the generated content in its place.
 * - `bare/`: a minimal Astro project over the same Markdown folders: one collection per folder
 *   (glob loader, no schema) and one page per entry rendering `<Content />` in a one-line layout.
 * - `hugo/`: a minimal Hugo site over the same Markdown with a one-line layout.
 *
 * Each gets its own `node_modules/`: a folder of links to the project's packages, so that
 * Astro's and Vite's caches (`node_modules/.astro`, `node_modules/.vite`) stay per project and
 * can be cleared for a cold build without touching the project's own.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';

/** Folders of Markdown entries, the ones every peer builds. */
export const MARKDOWN_COLLECTIONS = [
  'modifications',
  'meetings',
  'news',
  'consultations',
  'designations',
  'newsletters',
] as const;

/** Top-level paths of the repository that a build of the site does not need. */
const NOT_FOR_BUILD = new Set([
  'content',
  'test',
  'bench',
  '.ci',
  '.git',
  'node_modules',
  'dist',
  '.astro',
  '.dist-build',
  'coverage',
  'docs',
]);

/** Links each package of `from/node_modules` into `to/node_modules`, leaving out caches. */
export function linkNodeModules(repoRoot: string, to: string): void {
  const src = path.join(repoRoot, 'node_modules');
  const dest = path.join(to, 'node_modules');
  rmSync(dest, { recursive: true, force: true });
  mkdirSync(dest, { recursive: true });
  for (const name of readdirSync(src)) {
    if (name.startsWith('.') && name !== '.bin') continue;
    symlinkSync(path.join(src, name), path.join(dest, name));
  }
}

/**
 * A project's caches, cleared before every cold build: Astro's and Vite's, and sec-press's own
 * (`node_modules/.cache/sec-press`: validated content files, rendered newsletter issues).
 */
export function clearCaches(projectDir: string): void {
  for (const p of ['node_modules/.astro', 'node_modules/.vite', 'node_modules/.cache', '.astro']) {
    rmSync(path.join(projectDir, p), { recursive: true, force: true });
  }
}

export interface SiteSource {
  /** The commit built (HEAD), and whether the working tree was used instead. */
  commit: string;
  worktree: boolean;
  dirty: boolean;
}

/** Makes `dir` a copy of the project without content; returns what was copied. */
export function prepareSite(repoRoot: string, dir: string, worktree: boolean): SiteSource {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  const commit = git('rev-parse', 'HEAD');
  const dirty = git('status', '--porcelain', '--untracked-files=no').length > 0;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (worktree) {
    for (const name of readdirSync(repoRoot)) {
      if (NOT_FOR_BUILD.has(name)) continue;
      cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
    }
  } else {
    const top = git('ls-tree', '--name-only', 'HEAD')
      .split('\n')
      .filter((n) => n && !NOT_FOR_BUILD.has(n));
    const tar = execFileSync('git', ['archive', '--format=tar', 'HEAD', '--', ...top], {
      cwd: repoRoot,
      maxBuffer: 1 << 30,
    });
    const r = spawnSync('tar', ['-x', '-C', dir], { input: tar });
    if (r.status !== 0) throw new Error(`tar failed: ${r.stderr.toString()}`);
  }
  linkNodeModules(repoRoot, dir);
  return { commit, worktree, dirty };
}

/** The bare Astro project: the framework's floor on the same Markdown. */
export function prepareBareAstro(repoRoot: string, dir: string, contentDir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'src/pages/[collection]'), { recursive: true });
  mkdirSync(path.join(dir, 'content'), { recursive: true });
  for (const c of MARKDOWN_COLLECTIONS) {
    if (existsSync(path.join(contentDir, c)))
      symlinkSync(path.join(contentDir, c), path.join(dir, 'content', c));
  }
  writeFileSync(
    path.join(dir, 'package.json'),
    `${JSON.stringify({ name: 'bench-bare-astro', private: true, type: 'module', scripts: { build: 'astro build' } }, null, 2)}\n`,
  );
  writeFileSync(
    path.join(dir, 'astro.config.mjs'),
    `export default { site: 'https://bare.example', trailingSlash: 'always', outDir: process.env.BENCH_OUT_DIR ?? './dist', build: { format: 'directory' } };\n`,
  );
  writeFileSync(
    path.join(dir, 'src/content.config.ts'),
    `import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';

const fileStem = ({ entry }: { entry: string }) => entry.replace(/^.*\\//, '').replace(/\\.[^.]+$/, '');
const folder = (name: string) => defineCollection({ loader: glob({ pattern: '**/*.md', base: \`./content/\${name}\`, generateId: fileStem }) });

export const collections = {
${MARKDOWN_COLLECTIONS.map((c) => `  ${JSON.stringify(c)}: folder(${JSON.stringify(c)}),`).join('\n')}
};
`,
  );
  writeFileSync(
    path.join(dir, 'src/pages/[collection]/[id].astro'),
    `---
import { getCollection, render } from 'astro:content';

export async function getStaticPaths() {
  const names = ${JSON.stringify(MARKDOWN_COLLECTIONS)} as const;
  const paths = [];
  for (const collection of names) {
    for (const entry of await getCollection(collection)) {
      paths.push({ params: { collection, id: entry.id.toLowerCase() }, props: { entry } });
    }
  }
  return paths;
}
const { Content } = await render(Astro.props.entry);
---
<html lang="en"><head><meta charset="utf-8" /><title>{Astro.props.entry.id}</title></head><body><Content /></body></html>
`,
  );
  linkNodeModules(repoRoot, dir);
}

/**
 * The Hugo site. Front matter is the same except for the names Hugo reserves and would act on
 * (`url` would move a page, `aliases` would write redirect pages): those are renamed; a
 * meeting's `date` with a time gets seconds, the form Hugo's date parser requires.
 */
export function prepareHugo(dir: string, contentDir: string): void {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'layouts/_default'), { recursive: true });
  writeFileSync(
    path.join(dir, 'hugo.toml'),
    `baseURL = 'https://hugo.example/'
languageCode = 'en-gb'
title = 'bench'
buildFuture = true
buildExpired = true
disableKinds = ['taxonomy', 'term', 'RSS', 'sitemap', 'robotsTXT', '404']
[markup.goldmark.renderer]
unsafe = false
`,
  );
  const layout =
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ .Content }}</body></html>\n';
  writeFileSync(path.join(dir, 'layouts/_default/single.html'), layout);
  writeFileSync(
    path.join(dir, 'layouts/_default/list.html'),
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title></head><body>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></body></html>\n',
  );
  for (const c of MARKDOWN_COLLECTIONS) {
    const from = path.join(contentDir, c);
    if (!existsSync(from)) continue;
    const to = path.join(dir, 'content', c);
    mkdirSync(to, { recursive: true });
    for (const name of readdirSync(from)) {
      const file = path.join(from, name);
      if (!name.endsWith('.md') || !statSync(file).isFile()) continue;
      writeFileSync(path.join(to, name.toLowerCase()), forHugo(readFileSync(file, 'utf8')));
    }
  }
}

/** Renames the front-matter keys Hugo reserves; see {@link prepareHugo}. */
export function forHugo(text: string): string {
  const end = text.indexOf('\n---', 3);
  if (!text.startsWith('---') || end < 0) return text;
  const front = text
    .slice(0, end)
    .replace(/^url:/m, 'link:')
    .replace(/^aliases:/m, 'aka:')
    .replace(/^(date: \d{4}-\d{2}-\d{2}T\d{2}:\d{2})$/m, '$1:00');
  return front + text.slice(end);
}

/** Counts the `.html` files under a folder. */
export function countHtml(dir: string): number {
  let n = 0;
  const walk = (d: string) => {
    let names: string[];
    try {
      names = readdirSync(d);
    } catch {
      return;
    }
    for (const name of names) {
      const p = path.join(d, name);
      const s = statSync(p);
      if (s.isDirectory()) walk(p);
      else if (name.endsWith('.html')) n++;
    }
  };
  walk(dir);
  return n;
}
