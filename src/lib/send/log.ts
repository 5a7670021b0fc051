/**
 * The Send log: one JSON-lines file per Issue recording every delivery attempt and outcome,
 * appended and fsync'd before the sender moves on, so that a run started after a crash knows
 * exactly who has the issue. Reading it back (`reconcile`) gives each Subscriber's state in
 * the current round; `--force` starts a new round.
 */
import { mkdir, open, readFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';

interface Base {
  /** ISO time the line was written. */
  at: string;
  /** The run that wrote it (one per command). */
  run: string;
  /** 1 for the first delivery of the issue; `--force` starts the next. */
  round: number;
}

interface RecipientBase extends Base {
  /** The address, in lower case (the Subscriber's key). */
  email: string;
  messageId: string;
  /** 1 for the first attempt in this run, counting retries. */
  attempt: number;
}

interface FailureFields {
  error: string;
  code?: string;
  responseCode?: number;
}

export type LogRecord =
  | (Base & { type: 'run'; issue: string; pid: number; subject: string; recipients: number; force: boolean })
  /** Written before the message is handed to SMTP: without an outcome after it, the message is in doubt. */
  | (RecipientBase & { type: 'attempt' })
  /** The server replied 250 to the message: delivered as far as we can know. */
  | (RecipientBase & { type: 'accepted'; response: string })
  /** A transient failure; another attempt follows in `retryInMs`. */
  | (RecipientBase & FailureFields & { type: 'deferred'; retryInMs: number })
  /** Given up on: permanently (5xx), or transiently after the last attempt (sent again next run). */
  | (RecipientBase & FailureFields & { type: 'failed'; permanent: boolean });

export type RecipientRecord = Exclude<LogRecord, { type: 'run' }>;

/** Each address's state in a round. */
export type RecipientState =
  /** Accepted by the server: never sent again in this round. */
  | 'accepted'
  /** Rejected permanently: skipped unless `--retry-failed`. */
  | 'failed'
  /** Failed transiently: sent next run. */
  | 'pending'
  /** Handed to SMTP with no outcome logged (the process died): sent again, same Message-ID. */
  | 'in-doubt';

export interface LogState {
  /** The latest round in the log, 0 when nothing was ever sent. */
  round: number;
  /** State per address (lower case) in that round. */
  recipients: Map<string, { state: RecipientState; last: RecipientRecord }>;
}

export interface ReadLog {
  records: LogRecord[];
  /** Lines that could not be read, with why (a write cut short by a crash, or an edit). */
  unreadable: { line: number; reason: string }[];
}

/** Reads a send log; a log that does not exist yet is empty. */
export async function readSendLog(file: string): Promise<ReadLog> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { records: [], unreadable: [] };
    throw error;
  }
  return parseSendLog(text);
}

export function parseSendLog(text: string): ReadLog {
  const records: LogRecord[] = [];
  const unreadable: ReadLog['unreadable'] = [];
  const lines = text.split('\n');
  const complete = text.endsWith('\n');
  lines.forEach((line, i) => {
    if (line === '') return;
    const last = i === lines.length - 1;
    try {
      const record = JSON.parse(line) as LogRecord;
      const ok =
        record &&
        typeof record === 'object' &&
        typeof record.type === 'string' &&
        typeof record.round === 'number' &&
        (record.type === 'run' || typeof (record as RecipientRecord).email === 'string');
      if (!ok) throw new Error('not a send log record');
      records.push(record);
    } catch (error) {
      const reason =
        last && !complete
          ? 'unfinished last line (the process stopped while writing it)'
          : error instanceof Error
            ? error.message
            : String(error);
      unreadable.push({ line: i + 1, reason });
    }
  });
  return { records, unreadable };
}

/** The latest round and every address's state in it. An acceptance is final within a round. */
export function reconcile(records: readonly LogRecord[]): LogState {
  const round = records.reduce((max, r) => Math.max(max, r.round), 0);
  const recipients: LogState['recipients'] = new Map();
  for (const r of records) {
    if (r.type === 'run' || r.round !== round) continue;
    const previous = recipients.get(r.email);
    if (previous?.state === 'accepted') continue;
    const state: RecipientState =
      r.type === 'accepted'
        ? 'accepted'
        : r.type === 'attempt'
          ? 'in-doubt'
          : r.type === 'failed' && r.permanent
            ? 'failed'
            : 'pending';
    recipients.set(r.email, { state, last: r });
  }
  return { round, recipients };
}

/**
 * Appends records to a send log, each durable (written and fsync'd) before `append` resolves.
 * Lines that arrive while a sync is under way are written and synced together (group commit),
 * so concurrent workers do not wait for one fsync each.
 */
export class SendLogWriter {
  private queue: { line: string; resolve: () => void; reject: (e: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;
  private broken: unknown;
  private readonly handle: FileHandle;
  readonly file: string;

  private constructor(handle: FileHandle, file: string) {
    this.handle = handle;
    this.file = file;
  }

  /** Opens (creating folder and file as needed) and drops an unfinished last line. */
  static async open(file: string): Promise<SendLogWriter> {
    const dir = path.dirname(file);
    await mkdir(dir, { recursive: true });
    const handle = await open(file, 'a+');
    const { size } = await handle.stat();
    if (size === 0) {
      await syncDir(dir);
    } else {
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      const text = last[0] === 0x0a ? '' : await readFile(file, 'utf8');
      if (text) {
        // A write cut short by a crash: drop the fragment so every line stays whole.
        await handle.truncate(Buffer.byteLength(text.slice(0, text.lastIndexOf('\n') + 1)));
        await handle.sync();
      }
    }
    return new SendLogWriter(handle, file);
  }

  append(record: LogRecord): Promise<void> {
    if (this.broken) return Promise.reject(this.broken);
    return new Promise((resolve, reject) => {
      this.queue.push({ line: `${JSON.stringify(record)}\n`, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.queue.length) {
      const batch = this.queue.splice(0);
      try {
        if (this.broken) throw this.broken;
        await this.handle.appendFile(batch.map((b) => b.line).join(''));
        await this.handle.sync();
        for (const b of batch) b.resolve();
      } catch (error) {
        this.broken ??= error;
        for (const b of batch) b.reject(error);
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }
}

async function syncDir(dir: string): Promise<void> {
  // The new file's directory entry must survive a power cut too. Not every platform can.
  try {
    const handle = await open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    /* best effort */
  }
}
