/** The built site under test: its folder, its files, and a static server for it. */
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { inject } from 'vitest';

export function siteDir(): string {
  const dir = inject('siteDir');
  if (!dir) throw new Error('No built site: run the site tests through vitest (globalSetup builds it)');
  return dir;
}

/** Every file of the built site, relative, with forward slashes. */
export async function siteFiles(dir = siteDir()): Promise<string[]> {
  const out: string[] = [];
  async function walk(d: string): Promise<void> {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  }
  await walk(dir);
  return out.sort();
}

/**
 * The built web pages: HTML files other than the search index's own and the newsletter
 * emails (`newsletters/YYYY-MM/email.html`, checked by the newsletter's own tests).
 */
export async function htmlPages(dir = siteDir()): Promise<string[]> {
  return (await siteFiles(dir)).filter(
    (f) => f.endsWith('.html') && !f.startsWith('pagefind/') && !/^newsletters\/[^/]+\/email\.html$/.test(f),
  );
}

export const readSiteFile = (file: string, dir = siteDir()) => readFile(path.join(dir, file), 'utf8');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.csv': 'text/csv',
  '.ics': 'text/calendar',
  '.txt': 'text/plain',
  '.wasm': 'application/wasm',
  '.pagefind': 'application/octet-stream',
  '.pf_meta': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
};

/** Resolves a URL path to a file the way a static host does: `/x/` → `/x/index.html`. */
export async function resolvePath(dir: string, urlPath: string): Promise<string | undefined> {
  const clean = decodeURIComponent(urlPath.split(/[?#]/)[0]!);
  const candidates = clean.endsWith('/') ? [`${clean}index.html`] : [clean, `${clean}/index.html`];
  for (const c of candidates) {
    const file = path.join(dir, c);
    if (!file.startsWith(dir)) return undefined;
    const s = await stat(file).catch(() => undefined);
    if (s?.isFile()) return file;
  }
  return undefined;
}

/** The headers a `_headers` file gives every path (`/*`), as a static host applies them. */
export async function headersFromFile(dir: string): Promise<[string, string][]> {
  const text = await readFile(path.join(dir, '_headers'), 'utf8').catch(() => '');
  return text
    .split('\n')
    .filter((l) => /^\s+\S+:/.test(l))
    .map((l) => {
      const i = l.indexOf(':');
      return [l.slice(0, i).trim(), l.slice(i + 1).trim()];
    });
}

/**
 * Serves the built site on 127.0.0.1 like a static host: `_headers` applied to every
 * response, 404.html for what is missing.
 */
export async function serveSite(dir = siteDir()): Promise<{ url: string; close: () => Promise<void> }> {
  const headers = await headersFromFile(dir);
  const server: Server = createServer(async (req, res) => {
    for (const [name, value] of headers) res.setHeader(name, value);
    const file = await resolvePath(dir, req.url ?? '/');
    const target = file ?? path.join(dir, '404.html');
    res.statusCode = file ? 200 : 404;
    res.setHeader('Content-Type', TYPES[path.extname(target)] ?? 'application/octet-stream');
    createReadStream(target).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
