/**
 * Runs a command as its own process tree and measures what a user waits for: wall time from
 * spawn to exit, and peak memory as the largest sum of VmRSS over every process of the tree
 * at one moment (sampled from /proc every `intervalMs`). Summing RSS counts pages shared
 * between processes once per process, so the figure errs high, never low. Also the CPU time
 * (user + system) of the whole tree, from a shell's `times` after the command: what the
 * machine's cores had to do, so the wall time on N cores cannot be below CPU ÷ N.
 */
import { spawn } from 'node:child_process';
import { closeSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

export interface Measurement {
  ok: boolean;
  exitCode: number | null;
  wallMs: number;
  /** Peak of the tree's summed VmRSS, in bytes. */
  peakRssBytes: number;
  /** Most processes seen alive in the tree at once. */
  peakProcesses: number;
  /**
   * CPU time (user + system) of the command and every descendant it waited for, in ms;
   * undefined when the command was killed.
   */
  cpuMs?: number;
  samples: number;
  /** The last lines the command printed to stderr, when it failed. */
  error?: string;
}

export interface MeasureOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** stdout and stderr go here (appended). */
  logFile: string;
  intervalMs?: number;
  timeoutMs?: number;
}

/** Pids of a process and all its descendants, via /proc/<pid>/task/<tid>/children. */
export function processTree(pid: number): number[] {
  const out: number[] = [];
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${p}/task`);
    } catch {
      continue;
    }
    out.push(p);
    for (const t of tasks) {
      try {
        const children = readFileSync(`/proc/${p}/task/${t}/children`, 'utf8').trim();
        if (children) for (const c of children.split(' ')) stack.push(Number(c));
      } catch {
        /* the task ended meanwhile */
      }
    }
  }
  return out;
}

/** VmRSS of a process in bytes (0 if it has gone or is a zombie). */
export function rssOf(pid: number): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Summed VmRSS of a process tree now, and how many processes it has. */
export function treeRss(pid: number): { bytes: number; processes: number } {
  const pids = processTree(pid);
  let bytes = 0;
  for (const p of pids) bytes += rssOf(p);
  return { bytes, processes: pids.length };
}

/**
 * The command run by a shell that reports, on file descriptor 3 once the command has ended,
 * the CPU time of its children (POSIX `times`: its own, then its children's).
 */
const TIMED = '"$@" 3>&-; status=$?; times >&3; exit $status';

/** The children's user + system time from `times` output (`0m1.5s 0m0.25s` lines), in ms. */
export function childCpuMs(timesOutput: string): number | undefined {
  const lines = timesOutput.trim().split('\n');
  const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[1] ?? '');
  if (!m) return undefined;
  const [, um, us, sm, ss] = m.map(Number) as [number, number, number, number, number];
  return ((um + sm) * 60 + us + ss) * 1000;
}

export function measure(command: string, args: string[], opts: MeasureOptions): Promise<Measurement> {
  const interval = opts.intervalMs ?? 50;
  const log = openSync(opts.logFile, 'a');
  writeSync(log, `\n$ (cd ${opts.cwd} && ${[command, ...args].join(' ')})\n`);
  let stderrTail = '';
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn('/bin/sh', ['-c', TIMED, 'sh', command, ...args], {
      cwd: opts.cwd,
      env: opts.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
      detached: true,
    });
    let times = '';
    child.stdio[3]!.on('data', (d: Buffer) => (times += d.toString()));
    let peak = 0;
    let peakProcesses = 0;
    let samples = 0;
    const sample = () => {
      if (child.pid === undefined) return;
      const { bytes, processes } = treeRss(child.pid);
      samples++;
      if (bytes > peak) peak = bytes;
      if (processes > peakProcesses) peakProcesses = processes;
    };
    const timer = setInterval(sample, interval);
    sample();
    const killer = opts.timeoutMs
      ? setTimeout(() => {
          stderrTail += `\n(timed out after ${opts.timeoutMs} ms)`;
          if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
        }, opts.timeoutMs)
      : undefined;
    child.stdout!.on('data', (d: Buffer) => writeSync(log, d));
    child.stderr!.on('data', (d: Buffer) => {
      writeSync(log, d);
      stderrTail = (stderrTail + d.toString()).slice(-4000);
    });
    const finish = (code: number | null, error?: string) => {
      const wallMs = performance.now() - started;
      clearInterval(timer);
      if (killer) clearTimeout(killer);
      writeSync(
        log,
        `\n# exit ${code} after ${(wallMs / 1000).toFixed(2)} s, peak RSS ${(peak / 2 ** 20).toFixed(0)} MiB\n`,
      );
      closeSync(log);
      const ok = code === 0 && !error;
      const tail = (error ?? stderrTail).trim().split('\n').slice(-8).join('\n');
      const cpuMs = childCpuMs(times);
      resolve({
        ok,
        exitCode: code,
        wallMs,
        peakRssBytes: peak,
        peakProcesses,
        ...(cpuMs !== undefined ? { cpuMs } : {}),
        samples,
        ...(ok ? {} : { error: tail || `exit code ${code}` }),
      });
    };
    child.on('error', (e) => finish(null, e.message));
    child.on('close', (code) => finish(code));
  });
}
