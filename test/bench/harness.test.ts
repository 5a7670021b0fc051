import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { childCpuMs, measure } from '../../bench/lib/measure.ts';
import { forHugo } from '../../bench/lib/projects.ts';
import { createRandom } from '../../bench/lib/random.ts';
import { cpuFloor, fmtSpread, ratioSpread, spread, stepTimes } from '../../bench/lib/report.ts';

const scratch = mkdtempSync(path.join(tmpdir(), 'bench-harness-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('spread', () => {
  it.each([
    [[3, 1, 2], { median: 2, min: 1, max: 3, n: 3 }],
    [[4, 1, 3, 2], { median: 2.5, min: 1, max: 4, n: 4 }],
    [[5], { median: 5, min: 5, max: 5, n: 1 }],
  ])('of %j is %o', (values, expected) => {
    expect(spread(values)).toEqual(expected);
  });
  it('is undefined for no values, shown as n/a', () => {
    expect(spread([])).toBeUndefined();
    expect(fmtSpread(undefined)).toBe('n/a');
    expect(fmtSpread({ median: 2.5, min: 1, max: 4, n: 4 })).toBe('2.5 [1.0–4.0]');
  });
});

describe('stepTimes', () => {
  it('reads the step lines npm run build prints, and nothing else', () => {
    const log =
      '✔ content: 500 files valid\n✔ site (27.0 s)\n  479 pages indexed\n✔ search index (2.2 s)\n✔ built ../out/project/ in 36.8 s\n';
    expect(stepTimes(log)).toEqual({ site: 27, 'search index': 2.2 });
  });
});

describe('createRandom', () => {
  it('repeats for a seed and differs between seeds', () => {
    const seq = (seed: number) =>
      Array.from(
        { length: 5 },
        (
          (r) => () =>
            r.next()
        )(createRandom(seed)),
      );
    expect(seq(1)).toEqual(seq(1));
    expect(seq(1)).not.toEqual(seq(2));
    const r = createRandom(3);
    for (let i = 0; i < 1000; i++) {
      const n = r.int(2, 4);
      expect(n >= 2 && n <= 4).toBe(true);
    }
  });
});

describe('forHugo', () => {
  it('renames the front-matter keys Hugo acts on and gives times seconds, leaving the body', () => {
    const text =
      '---\ntitle: T\nurl: https://x.example/\naliases:\n  - MP1\ndate: 2018-09-10T11:00\n---\n\nurl: stays\n';
    expect(forHugo(text)).toBe(
      '---\ntitle: T\nlink: https://x.example/\naka:\n  - MP1\ndate: 2018-09-10T11:00:00\n---\n\nurl: stays\n',
    );
  });
});

describe('measure', () => {
  it('times a process tree and sees the memory of its children', async () => {
    // A shell whose child holds about 200 MiB for half a second.
    const script = `${JSON.stringify(process.execPath)} -e "const b = Buffer.alloc(200 * 2 ** 20, 1); setTimeout(() => console.log(b.length), 500)"`;
    const m = await measure('sh', ['-c', script], {
      cwd: scratch,
      logFile: path.join(scratch, 'log.txt'),
      intervalMs: 20,
    });
    expect(m.ok).toBe(true);
    expect(m.wallMs).toBeGreaterThanOrEqual(500);
    expect(m.peakRssBytes).toBeGreaterThan(200 * 2 ** 20);
    expect(m.peakProcesses).toBeGreaterThanOrEqual(2);
  });

  it('counts the CPU time of the whole tree, not only of its first process', async () => {
    // The first process waits; its child spins for about 300 ms of CPU.
    const spin = `${JSON.stringify(process.execPath)} -e "const t = Date.now(); while (Date.now() - t < 300);"`;
    const m = await measure('sh', ['-c', `${spin}; sleep 0.2`], {
      cwd: scratch,
      logFile: path.join(scratch, 'log3.txt'),
    });
    expect(m.ok).toBe(true);
    expect(m.cpuMs).toBeGreaterThanOrEqual(250);
    // Sleeping costs no CPU: the wall time is longer than the CPU time here.
    expect(m.cpuMs).toBeLessThan(m.wallMs);
  });

  it('reports a failing command with its last words', async () => {
    const m = await measure('sh', ['-c', 'echo broken >&2; exit 3'], {
      cwd: scratch,
      logFile: path.join(scratch, 'log2.txt'),
    });
    expect(m.ok).toBe(false);
    expect(m.exitCode).toBe(3);
    expect(m.error).toContain('broken');
  });
});

describe('childCpuMs', () => {
  it.each([
    ['0m0.004s 0m0.001s\n1m2.500s 0m0.250s\n', 62_750],
    ['0m0.000000s 0m0.000000s\n0m1.100000s 0m0.400000s', 1_500],
    ['', undefined],
    ['0m0.004s 0m0.001s', undefined],
  ])('%j is %s ms of the children', (output, ms) => {
    expect(childCpuMs(output)).toBe(ms);
  });
});

describe('cpuFloor', () => {
  it('divides the CPU time by the cores, against the peer and the wall time it took', () => {
    expect(cpuFloor({ cpuS: 90, wallS: 60, bareWallS: 30 }, 2)).toEqual({
      cpuS: 90,
      wallS: 45,
      ratio: 1.5,
      actualWallS: 60,
      utilisation: 0.75,
    });
  });

  it.each([
    [{ wallS: 60, bareWallS: 30 }, 2],
    [{ cpuS: 90, bareWallS: 30 }, 2],
    [{ cpuS: 90, wallS: 60 }, 2],
    [{ cpuS: 90, wallS: 60, bareWallS: 30 }, NaN],
  ])('is undefined without every figure: %o on %s cores', (m, cores) => {
    expect(cpuFloor(m, cores)).toBeUndefined();
  });
});

describe('ratioSpread', () => {
  it.each([
    [
      'three runs',
      [
        [60, 30],
        [45, 30],
        [50, 25],
      ],
      { median: 2, min: 1.5, max: 2, n: 3 },
    ],
    [
      'a run whose build failed',
      [
        [60, 30],
        [undefined, 30],
        [45, 30],
      ],
      { median: 1.75, min: 1.5, max: 2, n: 2 },
    ],
    [
      'a run whose peer failed or took no time',
      [
        [60, 30],
        [45, undefined],
        [50, 0],
      ],
      { median: 2, min: 2, max: 2, n: 1 },
    ],
  ] as const)('takes each ratio within its run: %s', (_name, pairs, expected) => {
    expect(ratioSpread(pairs)).toEqual(expected);
  });

  it('is undefined when no run has both figures', () => {
    expect(
      ratioSpread([
        [undefined, 30],
        [45, undefined],
      ]),
    ).toBeUndefined();
  });
});
