/**
 * Runs the real `npm run send` CLI (src/cli/send.ts on the pinned Node 24) as a child process,
 * as an operator would, with a clean environment for the sending settings.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PROJECT_ROOT } from '../../../src/cli/run.ts';
import { parseSendLog, type LogRecord } from '../../../src/lib/send/log.ts';

export const NODE = path.join(PROJECT_ROOT, 'node_modules', '.bin', 'node');
export const CLI = path.join(PROJECT_ROOT, 'src', 'cli', 'send.ts');
export const FIXTURE = path.join(PROJECT_ROOT, 'test', 'fixtures', 'send', '2018-08');
export const SECRET = 'test-unsubscribe-secret-0123456789';

export interface SendRun {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  done: Promise<SendRun>;
}

/** The environment of a run: fast settings for tests; `extra` overrides. */
export function sendEnv(smtpUrl: string | undefined, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (!k.startsWith('NEWSLETTER_') && k !== 'SMTP_URL' && k !== 'INIT_CWD') env[k] = v;
  }
  return {
    ...env,
    ...(smtpUrl ? { SMTP_URL: smtpUrl } : {}),
    NEWSLETTER_UNSUBSCRIBE_SECRET: SECRET,
    NEWSLETTER_SEND_RATE: '5000',
    NEWSLETTER_SEND_RETRY_MS: '20',
    NEWSLETTER_SEND_TIMEOUT_MS: '5000',
    ...extra,
  };
}

export function startSend(args: string[], env: NodeJS.ProcessEnv): Started {
  const child = spawn(NODE, [CLI, ...args], { cwd: PROJECT_ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<SendRun>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
  return { child, done };
}

export const runSend = (args: string[], env: NodeJS.ProcessEnv) => startSend(args, env).done;

/**
 * The same command in this process (no start-up cost), printing as `runCli` would: for the
 * scenarios that need no signal and no second process.
 */
export async function runSendHere(args: string[], env: NodeJS.ProcessEnv): Promise<SendRun> {
  const { sendCommand } = await import('../../../src/cli/send.ts');
  let stdout = '';
  let stderr = '';
  const line = (parts: unknown[]) => `${parts.map(String).join(' ')}\n`;
  const out = {
    log: (...parts: unknown[]) => void (stdout += line(parts)),
    warn: (...parts: unknown[]) => void (stderr += line(parts)),
    error: (...parts: unknown[]) => void (stderr += line(parts)),
  };
  try {
    const code = await sendCommand({ root: PROJECT_ROOT, args, out, env, tty: false });
    return { code, signal: null, stdout, stderr };
  } catch (error) {
    return {
      code: 1,
      signal: null,
      stdout,
      stderr: `${stderr}✘ ${error instanceof Error ? error.message : String(error)}\n`,
    };
  }
}

/** A scratch folder for one test's list and log. */
export async function scratch(): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sec-press-send-'));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export async function writeList(file: string, rows: readonly (readonly [string, string])[]): Promise<void> {
  const quote = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
  await writeFile(file, `email,name\n${rows.map(([e, n]) => `${quote(e)},${quote(n)}`).join('\n')}\n`);
}

export async function readLog(file: string): Promise<LogRecord[]> {
  try {
    return parseSendLog(await readFile(file, 'utf8')).records;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** How many times each value occurs. */
export function counts(values: readonly string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const v of values) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}
