/**
 * Renders issues in worker threads: the renderer (MJML, about a second to load) loads in
 * each worker while the main thread goes on (loading content, or building the site), and
 * several issues render at once on a machine with cores to spare.
 *
 * An idle worker does not keep the process alive; `close()` ends them all.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Issue } from '../model.ts';
import type { EmailSettings } from './view.ts';
import type { RenderReply, RenderRequest, WriteTo } from './worker.ts';

/** A rendered issue: its metadata, warnings and file sizes (and files, when not written). */
export type RenderedFiles = Extract<RenderReply, { ok: true }>;
export type { WriteTo } from './worker.ts';

/** The old-generation heap of a rendering worker, in MiB. */
export const WORKER_HEAP_MB = 256;

/** The workers to use beside a busy main thread: one per core but one, at least one. */
export const defaultWorkers = () => Math.max(1, availableParallelism() - 1);

/** An error from a worker, with the name and message it had there. */
export class RenderError extends Error {
  constructor(name: string, message: string) {
    super(message);
    this.name = name;
  }
}

export interface PoolOptions {
  /** The templates folder renders will use: each worker reads it as it starts. */
  templatesDir?: string | undefined;
  /**
   * Render at the lowest CPU priority (each worker thread's own nice value, on Linux): for
   * work beside a more urgent thread, such as the site's build.
   */
  background?: boolean | undefined;
}

interface Job {
  request: RenderRequest;
  resolve: (r: RenderedFiles) => void;
  reject: (e: Error) => void;
}

interface Slot {
  worker: Worker;
  job?: Job | undefined;
}

export class RenderPool {
  readonly #slots: Slot[] = [];
  readonly #queue: Job[] = [];
  #next = 0;
  #closed = false;

  /** Starts `size` workers; each loads the renderer (and the templates) at once. */
  constructor(size = defaultWorkers(), options: PoolOptions = {}) {
    for (let i = 0; i < Math.max(1, size); i++) this.#slots.push(this.#start(options));
  }

  #start({ templatesDir, background }: PoolOptions): Slot {
    const slot: Slot = {
      worker: new Worker(new URL('./worker.ts', import.meta.url), {
        workerData: { templatesDir, background },
        // Left alone, V8 lets a rendering worker's heap grow to about 500 MiB over hundreds of
        // issues (garbage it has no reason to collect yet), beside the site's build; an issue
        // needs a few MiB. 256 MiB halves the peak at no measurable cost (128 MiB thrashes).
        resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB },
      }),
    };
    slot.worker.unref();
    slot.worker.on('message', (reply: RenderReply) => {
      const job = slot.job;
      slot.job = undefined;
      slot.worker.unref();
      if (job) {
        if (reply.ok) job.resolve(reply);
        else job.reject(new RenderError(reply.name, reply.message));
      }
      this.#dispatch();
    });
    slot.worker.on('error', (error) => {
      // A worker that died: its job fails, and so does everything queued (the build stops).
      slot.job?.reject(error);
      slot.job = undefined;
      for (const job of this.#queue.splice(0)) job.reject(error);
    });
    return slot;
  }

  #dispatch(): void {
    for (const slot of this.#slots) {
      if (slot.job || this.#queue.length === 0) continue;
      const job = this.#queue.shift()!;
      slot.job = job;
      // Busy: the process waits for it.
      slot.worker.ref();
      slot.worker.postMessage(job.request);
    }
  }

  /**
   * Renders an issue in the first free worker; with `write`, the worker writes its files
   * (and its cache entry) and only their sizes come back.
   */
  render(
    issue: Issue,
    settings: EmailSettings,
    templatesDir: string,
    write?: WriteTo,
  ): Promise<RenderedFiles> {
    if (this.#closed) return Promise.reject(new Error('the render pool is closed'));
    return new Promise((resolve, reject) => {
      this.#queue.push({
        request: { id: this.#next++, issue, settings, templatesDir, write },
        resolve,
        reject,
      });
      this.#dispatch();
    });
  }

  /** Ends every worker; renders still queued fail. */
  async close(): Promise<void> {
    this.#closed = true;
    for (const job of this.#queue.splice(0)) job.reject(new Error('the render pool is closed'));
    await Promise.all(this.#slots.map((s) => s.worker.terminate()));
  }
}
