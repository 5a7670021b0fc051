/**
 * A rendering worker (`pool.ts` starts it): loads the renderer (MJML and friends, about a
 * second) as soon as it starts, then renders the issues it is sent, one at a time, and
 * writes each issue's files (and its cache entry) itself when asked, so that the main thread
 * (building the site, say) only hears back their sizes.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { writeEntry } from '../cache.ts';
import { type FileName, fileSizes, issueFiles, type IssueFileData, writeIssueFiles } from '../files.ts';
import type { Issue } from '../model.ts';
import type { IssueMeta } from './meta.ts';
import type { Templates } from './template.ts';
import type { EmailSettings } from './view.ts';

/** Where to write a rendered issue: its folder, and its cache entry if any. */
export interface WriteTo {
  dir: string;
  cache?: { dir: string; key: string } | undefined;
}

export interface RenderRequest {
  id: number;
  issue: Issue;
  settings: EmailSettings;
  templatesDir: string;
  write?: WriteTo | undefined;
}

/** What comes back: the issue's metadata and sizes (its files too, unless written), or the error. */
export type RenderReply =
  | {
      id: number;
      ok: true;
      meta: IssueMeta;
      warnings: string[];
      bytes: Record<FileName, number>;
      files?: IssueFileData | undefined;
    }
  | { id: number; ok: false; name: string; message: string };

const port = parentPort;
if (!port) throw new Error('render/worker.ts runs as a worker thread (see render/pool.ts)');

// Loading (and a first, tiny render) starts now, while the main thread does other work
// (loading the content, say). A failure here shows again, with its message, in a real render.
const renderer = import('./index.ts').then(async (m) => {
  await m.warmUp().catch(() => undefined);
  return m;
});
const templates = import('./template.ts');
const loaded = new Map<string, Promise<Templates>>();

const data = (workerData ?? {}) as { templatesDir?: string; background?: boolean };

// In the background (beside the site's build), this thread yields the CPU to any other: on
// Linux a thread's nice value is its own, so the site's thread keeps its priority.
if (data.background) {
  try {
    setPriority(19);
  } catch {
    // Not allowed here: render at the usual priority.
  }
}

/** A templates folder, read and compiled once (read again by the next render if that failed). */
function templatesFor(dir: string): Promise<Templates> {
  let t = loaded.get(dir);
  if (!t) {
    t = templates.then((m) => m.loadTemplates(dir));
    t.catch(() => loaded.delete(dir)); // Reported by the render that needs them.
    loaded.set(dir, t);
  }
  return t;
}

// The templates folder the pool said it would use: read and compiled now too.
if (data.templatesDir) void templatesFor(data.templatesDir).catch(() => undefined);

async function handle(request: RenderRequest): Promise<RenderReply> {
  const { renderIssue } = await renderer;
  const t = await templatesFor(request.templatesDir);
  const r = await renderIssue(request.issue, { templates: t, settings: request.settings });
  const files = issueFiles(r);
  const base = { id: request.id, ok: true as const, meta: r.meta, warnings: r.warnings };
  if (!request.write) return { ...base, bytes: fileSizes(files), files };
  const bytes = await writeIssueFiles(request.write.dir, files);
  if (request.write.cache) {
    await writeEntry(request.write.cache.dir, request.write.cache.key, { files, warnings: r.warnings });
  }
  return { ...base, bytes };
}

port.on('message', async (request: RenderRequest) => {
  let reply: RenderReply;
  try {
    reply = await handle(request);
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    reply = { id: request.id, ok: false, name: e.name, message: e.message };
  }
  port.postMessage(reply);
});
