/**
 * `npm run bench`: the performance benchmark. For each size it generates a corpus (the
 * example content plus seeded synthetic history), then in the same run builds it with this
 * project, with a bare Astro project and with Hugo, and times the other things users wait
 * for. Results: printed, and written to `bench/results/latest.md` and `latest.json`.
 *
 *   npm run bench                                   # 1,000 (3 runs) and 10,000 entries (1 run)
 *   npm run bench -- --entries 500 --runs 2         # a quick look while developing
 *   npm run bench -- --entries 1000 --profile       # also write CPU profiles (--cpu-prof)
 *
 * Options: --entries N[,N…] (repeatable), --runs N, --seed N, --worktree (build the working
 * tree instead of the committed HEAD), --profile, --no-hugo, --no-astro (leave a peer out),
 * --results DIR, --report FILE.json (write the Markdown again from saved results, running nothing).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, type GeneratedCorpus, PER_MONTH } from './lib/generate.ts';
import { ensureHugo } from './lib/hugo.ts';
import { measure, type Measurement } from './lib/measure.ts';
import {
  clearCaches,
  countHtml,
  prepareBareAstro,
  prepareHugo,
  prepareSite,
  type SiteSource,
} from './lib/projects.ts';
import { cpuFloor, fmtSpread, ratioSpread, spread, type Spread, stepTimes, table } from './lib/report.ts';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const WORK = path.join(REPO, 'bench/work');
const MiB = 2 ** 20;

// ---------------------------------------------------------------------------------------
// Options.

interface Options {
  sizes: number[];
  runs?: number;
  seed: number;
  worktree: boolean;
  profile: boolean;
  hugo: boolean;
  astro: boolean;
  results: string;
  /** Only write the Markdown again from a results JSON. */
  report?: string;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    sizes: [],
    seed: 1,
    worktree: false,
    profile: false,
    hugo: true,
    astro: true,
    results: path.join(REPO, 'bench/results'),
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    const int = (v: string) => {
      const n = Number(v.replace(/_/g, ''));
      if (!Number.isInteger(n) || n <= 0)
        throw new Error(`${a}: expected a positive whole number, not “${v}”`);
      return n;
    };
    if (a === '--entries') o.sizes.push(...value().split(',').map(int));
    else if (a === '--runs') o.runs = int(value());
    else if (a === '--seed') o.seed = int(value());
    else if (a === '--worktree') o.worktree = true;
    else if (a === '--profile') o.profile = true;
    else if (a === '--no-hugo') o.hugo = false;
    else if (a === '--no-astro') o.astro = false;
    else if (a === '--report') o.report = path.resolve(value());
    else if (a === '--results') o.results = path.resolve(value());
    else throw new Error(`unknown option ${a} (see the top of bench/run.ts)`);
  }
  if (o.sizes.length === 0) o.sizes = [1000, 10000];
  return o;
}

/** Three runs where a build takes seconds, one where it takes minutes. */
const defaultRuns = (entries: number) => (entries >= 5000 ? 1 : 3);

// ---------------------------------------------------------------------------------------
// Results.

interface Timed extends Measurement {
  /** HTML files written, for builds. */
  html?: number;
  /** The build's own step timings (`✔ site (27.0 s)`), in seconds. */
  steps?: Record<string, number>;
}

interface RunResult {
  run: number;
  project: Timed;
  projectRebuild?: Timed;
  bare?: Timed;
  bareRebuild?: Timed;
  hugo?: Timed;
  check: Timed;
  newsletter?: Timed;
}

interface Summary {
  wallS?: Spread;
  rssMiB?: Spread;
  /** CPU time (user + system) of the whole process tree, in seconds. */
  cpuS?: Spread;
  html?: number;
  pagesPerS?: Spread;
  failed: number;
}

interface SizeResult {
  entries: number;
  /** The commit built (the site is snapshotted when each size starts). */
  source: SiteSource;
  corpus: GeneratedCorpus;
  runs: RunResult[];
  newsletterMonth?: string;
  newsletterCold: string;
  newsletterWarm: {
    ms?: Spread;
    /** A different issue each time, so no render cache of an earlier issue helps. */
    distinctMs?: Spread;
    /** How the figures were taken, where not in the run itself. */
    note?: string;
    assembleMs?: Spread;
    renderMs?: Spread;
    iterations?: number;
    na?: string;
    api?: string;
  };
  /** Medians of the build's own step timings, in seconds. */
  projectSteps: Record<string, number>;
  summary: Record<
    'project' | 'bare' | 'hugo' | 'check' | 'projectRebuild' | 'bareRebuild' | 'newsletter',
    Summary
  >;
  ratios: { projectToBare: { wall?: Spread; rss?: Spread }; projectToHugo: { wall?: Spread; rss?: Spread } };
  errors: string[];
}

function summarise(ms: (Timed | undefined)[]): Summary {
  const ok = ms.filter((m): m is Timed => !!m && m.ok);
  const html = ok.find((m) => m.html !== undefined)?.html;
  return {
    wallS: spread(ok.map((m) => m.wallMs / 1000)),
    rssMiB: spread(ok.map((m) => m.peakRssBytes / MiB)),
    cpuS: spread(ok.flatMap((m) => (m.cpuMs === undefined ? [] : [m.cpuMs / 1000]))),
    ...(html !== undefined ? { html } : {}),
    pagesPerS: spread(ok.filter((m) => m.html !== undefined).map((m) => m.html! / (m.wallMs / 1000))),
    failed: ms.filter((m) => m && !m.ok).length,
  };
}

/** The median of each build step over the runs that succeeded. */
function medianSteps(ms: Timed[]): Record<string, number> {
  const names = [...new Set(ms.flatMap((m) => Object.keys(m.steps ?? {})))];
  return Object.fromEntries(names.map((n) => [n, spread(ms.map((m) => m.steps?.[n] ?? NaN))?.median ?? NaN]));
}

/** Ratios of this project to a peer, each taken within one run. */
function ratios(runs: RunResult[], peer: 'bare' | 'hugo') {
  const pairs = runs.filter((r) => r.project.ok && r[peer]?.ok);
  return {
    wall: ratioSpread(pairs.map((r) => [r.project.wallMs, r[peer]!.wallMs])),
    rss: ratioSpread(pairs.map((r) => [r.project.peakRssBytes, r[peer]!.peakRssBytes])),
  };
}

/** The rebuild's wall time ÷ the bare Astro rebuild's, within each run where both succeeded. */
function rebuildRatio(runs: RunResult[]) {
  const ok = (t: Timed | undefined) => (t?.ok ? t.wallMs : undefined);
  return ratioSpread(runs.map((r) => [ok(r.projectRebuild), ok(r.bareRebuild)]));
}

// ---------------------------------------------------------------------------------------
// One size.

function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (k.startsWith('npm_') || k === 'INIT_CWD' || k === 'NODE_OPTIONS') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

async function benchSize(
  entries: number,
  runs: number,
  opts: Options,
  source: { site: SiteSource | undefined },
  hugo: string | undefined,
  say: (s: string) => void,
): Promise<SizeResult> {
  const dir = path.join(WORK, String(entries));
  const site = path.join(dir, 'site');
  const bare = path.join(dir, 'bare');
  const hugoDir = path.join(dir, 'hugo');
  const out = path.join(dir, 'out');
  const logs = path.join(dir, 'logs');
  const profiles = path.join(dir, 'profiles');
  rmSync(logs, { recursive: true, force: true });
  rmSync(profiles, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });

  say(`\n## ${entries.toLocaleString('en-GB')} entries`);
  source.site = prepareSite(REPO, site, opts.worktree);
  const corpus = generateCorpus({
    entries,
    seed: opts.seed,
    baseContent: path.join(REPO, 'content'),
    outDir: path.join(site, 'content'),
  });
  say(
    `corpus: ${corpus.files} files (${corpus.baseFiles} example + synthetic ${Object.entries(corpus.synthetic)
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}), ${corpus.months.length} months ${corpus.months[0]}…${corpus.months.at(-1)}, mean body ${corpus.meanBodyBytes} B, as of ${corpus.asOf}`,
  );
  prepareBareAstro(REPO, bare, path.join(site, 'content'));
  if (hugo) prepareHugo(hugoDir, path.join(site, 'content'));

  const pkg = JSON.parse(readFileSync(path.join(site, 'package.json'), 'utf8')) as {
    scripts?: Record<string, string>;
  };
  const hasNewsletter = !!pkg.scripts?.newsletter;
  const month = corpus.months.at(-1)!;
  const errors: string[] = [];

  const envFor = (label: string) =>
    cleanEnv({
      SEC_AS_OF: corpus.asOf,
      ...(opts.profile ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${path.join(profiles, label)}` } : {}),
    });
  const timeoutMs = 60 * 60_000;
  const run = async (
    label: string,
    cmd: string,
    args: string[],
    cwd: string,
    htmlDir?: string,
  ): Promise<Timed> => {
    const logFile = path.join(logs, `${label}.log`);
    const m: Timed = await measure(cmd, args, { cwd, env: envFor(label), logFile, timeoutMs });
    if (htmlDir && m.ok) m.html = countHtml(htmlDir);
    if (label.startsWith('project-') && m.ok) m.steps = stepTimes(readFileSync(logFile, 'utf8'));
    const what = m.ok
      ? `${(m.wallMs / 1000).toFixed(2)} s${m.cpuMs !== undefined ? ` (CPU ${(m.cpuMs / 1000).toFixed(1)} s)` : ''}, ${(m.peakRssBytes / MiB).toFixed(0)} MiB${m.html !== undefined ? `, ${m.html} HTML pages` : ''}`
      : `FAILED (${m.error?.split('\n').at(-1)})`;
    const steps =
      m.steps && Object.keys(m.steps).length
        ? ` (${Object.entries(m.steps)
            .map(([k, v]) => `${k} ${v} s`)
            .join(', ')})`
        : '';
    say(`  ${label.padEnd(24)} ${what}${steps}`);
    if (!m.ok) errors.push(`${label}: ${m.error}`);
    return m;
  };
  const touch = path.join(site, 'content', corpus.touchFile);
  const original = readFileSync(touch, 'utf8');
  const edit = () =>
    writeFileSync(
      touch,
      `${original}\nOne more paragraph, added to measure a rebuild after one file changes.\n`,
    );

  const results: RunResult[] = [];
  for (let i = 1; i <= runs; i++) {
    say(`run ${i} of ${runs}`);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    // This project: cold (no Astro or Vite cache), then again after one content file changes.
    clearCaches(site);
    const projectOut = path.join(out, 'project');
    const project = await run(
      `project-build-${i}`,
      'npm',
      ['run', 'build', '--', '--out', projectOut],
      site,
      projectOut,
    );
    let projectRebuild: Timed | undefined;
    if (project.ok) {
      edit();
      projectRebuild = await run(
        `project-rebuild-${i}`,
        'npm',
        ['run', 'build', '--', '--out', projectOut],
        site,
        projectOut,
      );
      writeFileSync(touch, original);
    }
    // The bare Astro build of the same Markdown, cold then after the same change.
    const bareOut = path.join(out, 'bare');
    const bareEnv = ['run', 'build', '--', '--outDir', bareOut];
    let bareBuild: Timed | undefined;
    if (opts.astro) {
      clearCaches(bare);
      bareBuild = await run(`bare-astro-build-${i}`, 'npm', bareEnv, bare, bareOut);
    }
    let bareRebuild: Timed | undefined;
    if (bareBuild?.ok) {
      edit();
      bareRebuild = await run(`bare-astro-rebuild-${i}`, 'npm', bareEnv, bare, bareOut);
      writeFileSync(touch, original);
    }
    let hugoRun: Timed | undefined;
    if (hugo) {
      const hugoOut = path.join(out, 'hugo');
      rmSync(path.join(hugoDir, 'cache'), { recursive: true, force: true });
      hugoRun = await run(
        `hugo-build-${i}`,
        'hugo',
        ['--quiet', '--source', hugoDir, '--destination', hugoOut, '--cacheDir', path.join(hugoDir, 'cache')],
        hugoDir,
        hugoOut,
      );
    }
    const check = await run(`check-${i}`, 'npm', ['run', 'check'], site);
    let newsletter: Timed | undefined;
    if (hasNewsletter) {
      newsletter = await run(
        `newsletter-${i}`,
        'npm',
        ['run', 'newsletter', '--', month, '--out', path.join(out, 'newsletter')],
        site,
      );
    }
    results.push({
      run: i,
      project,
      ...(projectRebuild ? { projectRebuild } : {}),
      ...(bareBuild ? { bare: bareBuild } : {}),
      ...(bareRebuild ? { bareRebuild } : {}),
      ...(hugoRun ? { hugo: hugoRun } : {}),
      check,
      ...(newsletter ? { newsletter } : {}),
    });
  }

  // One newsletter, warm: assembly and MJML compile in one process, many times.
  let newsletterWarm: SizeResult['newsletterWarm'] = {
    na: 'no newsletter module yet (src/lib/newsletter has no assemble and render functions)',
  };
  const warmScript = path.join(REPO, 'bench/lib/newsletter-warm.ts');
  if (existsSync(warmScript)) {
    const warmLog = path.join(logs, 'newsletter-warm.json');
    const m = await measure(process.execPath, [warmScript, site, month, '30', warmLog], {
      cwd: site,
      env: envFor('newsletter-warm'),
      logFile: path.join(logs, 'newsletter-warm.log'),
      timeoutMs,
    });
    if (m.ok && existsSync(warmLog)) {
      const r = JSON.parse(readFileSync(warmLog, 'utf8')) as {
        ms?: number[];
        distinctMs?: number[];
        assembleMs?: number[];
        renderMs?: number[];
        na?: string;
        api?: string;
      };
      newsletterWarm = r.ms
        ? {
            ms: spread(r.ms),
            ...(r.distinctMs?.length ? { distinctMs: spread(r.distinctMs) } : {}),
            assembleMs: spread(r.assembleMs ?? []),
            renderMs: spread(r.renderMs ?? []),
            iterations: r.ms.length,
            ...(r.api ? { api: r.api } : {}),
          }
        : { na: r.na ?? 'unknown' };
    } else newsletterWarm = { na: `failed: ${m.error?.split('\n').at(-1)}` };
    say(
      `  newsletter warm          ${newsletterWarm.ms ? `${fmtSpread(newsletterWarm.ms, 1)} ms (${newsletterWarm.iterations} iterations; assemble ${fmtSpread(newsletterWarm.assembleMs, 1)} ms, render ${fmtSpread(newsletterWarm.renderMs, 1)} ms)` : newsletterWarm.na}`,
    );
  }

  return {
    entries,
    source: source.site,
    corpus,
    runs: results,
    ...(hasNewsletter ? { newsletterMonth: month } : {}),
    newsletterCold: hasNewsletter
      ? `npm run newsletter -- ${month}`
      : 'n/a: package.json has no newsletter script yet',
    newsletterWarm,
    projectSteps: medianSteps(results.map((r) => r.project)),
    summary: {
      project: summarise(results.map((r) => r.project)),
      bare: summarise(results.map((r) => r.bare)),
      hugo: summarise(results.map((r) => r.hugo)),
      check: summarise(results.map((r) => r.check)),
      projectRebuild: summarise(results.map((r) => r.projectRebuild)),
      bareRebuild: summarise(results.map((r) => r.bareRebuild)),
      newsletter: summarise(results.map((r) => r.newsletter)),
    },
    ratios: { projectToBare: ratios(results, 'bare'), projectToHugo: ratios(results, 'hugo') },
    errors,
  };
}

// ---------------------------------------------------------------------------------------
// Report.

interface Target {
  what: string;
  target: string;
  measured: string;
  met: boolean | undefined;
}

function targets(sizes: SizeResult[]): Target[] {
  const big = sizes.find((s) => s.entries === 10000) ?? sizes.at(-1)!;
  const at = `${big.entries.toLocaleString('en-GB')} entries`;
  const s = big.summary;
  const ratio = big.ratios.projectToBare.wall;
  const check = (v: number | undefined, limit: number) => (v === undefined ? undefined : v < limit);
  // A different issue each time where measured: no cache of an earlier render of it helps.
  const warm = big.newsletterWarm.distinctMs ?? big.newsletterWarm.ms;
  return [
    {
      what: `full build ÷ bare Astro (${at})`,
      target: '≤ 1.5×',
      measured: ratio ? `${ratio.median.toFixed(2)}×` : 'n/a',
      met: ratio ? ratio.median <= 1.5 : undefined,
    },
    {
      what: `full build wall time (${at})`,
      target: '< 60 s',
      measured: fmtSpread(s.project.wallS),
      met: check(s.project.wallS?.median, 60),
    },
    {
      what: `full build peak RSS (${at})`,
      target: '< 2048 MiB',
      measured: `${fmtSpread(s.project.rssMiB, 0)} MiB`,
      met: check(s.project.rssMiB?.median, 2048),
    },
    {
      what: `npm run check (${at})`,
      target: '< 10 s',
      measured: fmtSpread(s.check.wallS, 2),
      met: check(s.check.wallS?.median, 10),
    },
    {
      what: `one newsletter, warm, a different issue each time (${at})`,
      target: '< 50 ms',
      measured: warm ? `${fmtSpread(warm, 1)} ms` : (big.newsletterWarm.na ?? 'n/a'),
      met: check(warm?.median, 50),
    },
    {
      what: `npm run newsletter as a process (${at})`,
      target: '< 3 s',
      measured: s.newsletter.wallS ? fmtSpread(s.newsletter.wallS, 2) : big.newsletterCold,
      met: check(s.newsletter.wallS?.median, 3),
    },
  ];
}

function markdown(sizes: SizeResult[], meta: Record<string, string>): string {
  // The machine's cores, as recorded ("2 × AMD EPYC, …"), so a report written again from saved
  // results describes the machine they were taken on.
  const cores = Number(/^(\d+) ×/.exec(meta.machine ?? '')?.[1] ?? NaN);
  const parts: string[] = ['# Benchmark results', ''];
  parts.push(
    table(
      ['', ''],
      Object.entries(meta).map(([k, v]) => [k, v]),
    ),
    '',
  );
  parts.push(
    `Proportions of the synthetic history, per month: ${Object.entries(PER_MONTH)
      .map(([k, v]) => `${v} ${k}`)
      .join(
        ', ',
      )}. Times are wall-clock seconds, median [min–max] over the runs; CPU time is user + system time of the whole process tree (a build's wall time cannot be below its CPU time divided by the number of cores); peak RSS is the largest sum of VmRSS over the whole process tree (npm included), sampled every 50 ms; ratios are taken within each run, then the median.`,
    '',
  );
  for (const s of sizes) {
    const c = s.corpus;
    parts.push(`## ${s.entries.toLocaleString('en-GB')} entries`, '');
    parts.push(
      `Built: commit ${s.source.commit.slice(0, 12)}${s.source.worktree ? ' + working tree' : ''} of sec-press.`,
      '',
    );
    parts.push(
      `${c.files} content files: ${c.baseFiles} from the example content, then ${c.months.length} months of synthetic history (${c.months[0]} to ${c.months.at(-1)}): ${Object.entries(
        c.synthetic,
      )
        .map(([k, v]) => `${v} ${k}`)
        .join(
          ', ',
        )}; mean Markdown body ${c.meanBodyBytes} bytes; built as of ${c.asOf}. ${s.runs.length} run${s.runs.length === 1 ? '' : 's'}.`,
      '',
    );
    const row = (name: string, x: Summary, r?: { wall?: Spread; rss?: Spread }) => [
      name,
      x.failed && !x.wallS ? 'failed' : fmtSpread(x.wallS, 2),
      fmtSpread(x.cpuS, 1),
      fmtSpread(x.rssMiB, 0),
      x.html !== undefined ? String(x.html) : 'n/a',
      fmtSpread(x.pagesPerS, 0),
      r ? (r.wall ? `${fmtSpread(r.wall, 2)}×` : 'n/a') : '—',
      r ? (r.rss ? `${fmtSpread(r.rss, 2)}×` : 'n/a') : '—',
    ];
    parts.push(
      table(
        [
          'Build',
          'Wall time (s)',
          'CPU time (s)',
          'Peak RSS (MiB)',
          'HTML pages',
          'Pages/s',
          'sec-press ÷ this (time)',
          'sec-press ÷ this (RSS)',
        ],
        [
          row('sec-press full build (`npm run build`)', s.summary.project),
          row('bare Astro, one-line layout', s.summary.bare, s.ratios.projectToBare),
          row('Hugo, one-line layout', s.summary.hugo, s.ratios.projectToHugo),
        ],
      ),
      '',
    );
    const floor = cpuFloor(
      {
        cpuS: s.summary.project.cpuS?.median,
        wallS: s.summary.project.wallS?.median,
        bareWallS: s.summary.bare.wallS?.median,
      },
      cores,
    );
    if (floor) {
      parts.push(
        `CPU floor: the full build's ${floor.cpuS.toFixed(1)} s of CPU time (median) on ${cores} cores cannot take less than ${floor.wallS.toFixed(1)} s, ${floor.ratio.toFixed(2)}× the bare Astro build's wall time, however well its steps overlap; it took ${floor.actualWallS.toFixed(1)} s (the cores ${Math.round(floor.utilisation * 100)} % busy).`,
        '',
      );
    }
    parts.push(
      table(
        ['Also timed', 'Wall time', 'Peak RSS (MiB)'],
        [
          [
            '`npm run check`',
            `${fmtSpread(s.summary.check.wallS, 2)} s`,
            fmtSpread(s.summary.check.rssMiB, 0),
          ],
          [
            'sec-press rebuild after one content file changes',
            `${fmtSpread(s.summary.projectRebuild.wallS, 2)} s`,
            fmtSpread(s.summary.projectRebuild.rssMiB, 0),
          ],
          [
            'bare Astro rebuild after the same change',
            `${fmtSpread(s.summary.bareRebuild.wallS, 2)} s (sec-press ÷ this: ${fmtSpread(rebuildRatio(s.runs), 2)}×)`,
            fmtSpread(s.summary.bareRebuild.rssMiB, 0),
          ],
          [
            `\`${s.newsletterCold.startsWith('n/a') ? 'npm run newsletter' : s.newsletterCold}\` (cold process)`,
            s.summary.newsletter.wallS ? `${fmtSpread(s.summary.newsletter.wallS, 2)} s` : s.newsletterCold,
            fmtSpread(s.summary.newsletter.rssMiB, 0),
          ],
          [
            'one newsletter assembled + rendered, warm: the same issue again',
            s.newsletterWarm.ms
              ? `${fmtSpread(s.newsletterWarm.ms, 1)} ms (${s.newsletterWarm.iterations} iterations)`
              : `n/a: ${s.newsletterWarm.na}`,
            '—',
          ],
          [
            'one newsletter assembled + rendered, warm: a different issue each time',
            s.newsletterWarm.distinctMs
              ? `${fmtSpread(s.newsletterWarm.distinctMs, 1)} ms (${s.newsletterWarm.distinctMs.n} issues)`
              : 'n/a',
            '—',
          ],
        ],
      ),
      '',
    );
    const steps = Object.entries(s.projectSteps ?? {});
    const rebuildSteps = Object.entries(
      medianSteps(s.runs.map((r) => r.projectRebuild).filter((m): m is Timed => !!m)),
    );
    const list = (e: [string, number][]) => e.map(([k, v]) => `${k} ${v.toFixed(1)} s`).join(', ');
    if (steps.length) {
      parts.push(
        `Inside \`npm run build\` (medians of the times it prints): ${list(steps)}${rebuildSteps.length ? `; in the rebuild: ${list(rebuildSteps)}` : ''}. The rest of its wall time is starting npm and Node, loading modules and validating the content.`,
        '',
      );
    }
    if (s.newsletterWarm.ms) {
      parts.push(
        `One newsletter, warm, the same issue again: assembly ${fmtSpread(s.newsletterWarm.assembleMs, 1)} ms, rendering (Handlebars with Markdown, MJML, checks, plain text, .eml) ${fmtSpread(s.newsletterWarm.renderMs, 1)} ms.${s.newsletterWarm.note ? ` ${s.newsletterWarm.note}` : ''}`,
        '',
      );
    }
    if (s.errors.length)
      parts.push('Failures:', '', ...s.errors.map((e) => `- ${e.replace(/\n/g, ' ⏎ ')}`), '');
  }
  parts.push('## Targets (issue 6)', '');
  parts.push(
    table(
      ['Target', 'Limit', 'Measured', 'Met'],
      targets(sizes).map((t) => [
        t.what,
        t.target,
        t.measured,
        t.met === undefined ? 'n/a' : t.met ? 'yes' : '**no**',
      ]),
    ),
    '',
  );
  return parts.join('\n');
}

// ---------------------------------------------------------------------------------------

async function main(): Promise<number> {
  let opts: Options;
  try {
    opts = parseArgs(process.argv.slice(2));
  } catch (e) {
    console.error(`✘ ${(e as Error).message}`);
    return 2;
  }
  const say = (s: string) => console.log(s);
  if (opts.report) {
    const saved = JSON.parse(readFileSync(opts.report, 'utf8')) as {
      meta: Record<string, string>;
      sizes: SizeResult[];
    };
    const md = markdown(saved.sizes, saved.meta);
    writeFileSync(opts.report.replace(/\.json$/, '.md'), `${md}\n`);
    console.log(md);
    return 0;
  }
  const hugo = opts.hugo ? ensureHugo(say) : undefined;
  const git = (...a: string[]) => execFileSync('git', a, { cwd: REPO, encoding: 'utf8' }).trim();
  const astroVersion = (
    JSON.parse(readFileSync(path.join(REPO, 'node_modules/astro/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  const started = new Date();
  const source: { site: SiteSource | undefined } = { site: undefined };
  const sizes: SizeResult[] = [];
  for (const entries of opts.sizes) {
    sizes.push(await benchSize(entries, opts.runs ?? defaultRuns(entries), opts, source, hugo, say));
  }
  const cpus = os.cpus();
  const meta = {
    command:
      `npm run bench -- ${process.argv.slice(2).join(' ') || '(defaults: --entries 1000,10000)'}`.trim(),
    date: started.toISOString(),
    commit: `${source.site?.commit.slice(0, 12) ?? git('rev-parse', 'HEAD').slice(0, 12)}${source.site?.worktree ? ' + working tree' : ''}`,
    machine: `${cpus.length} × ${cpus[0]?.model.trim() ?? 'CPU'}, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, ${os.type()} ${os.release()}`,
    'load at start': os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' '),
    node: process.version,
    astro: astroVersion,
    hugo: hugo ?? 'not available',
    seed: String(opts.seed),
  };
  const md = markdown(sizes, meta);
  mkdirSync(opts.results, { recursive: true });
  writeFileSync(path.join(opts.results, 'latest.md'), `${md}\n`);
  writeFileSync(
    path.join(opts.results, 'latest.json'),
    `${JSON.stringify({ meta, perMonth: PER_MONTH, sizes, targets: targets(sizes) }, null, 2)}\n`,
  );
  console.log(`\n${md}`);
  console.log(
    `written: ${path.relative(process.cwd(), path.join(opts.results, 'latest.md'))} and latest.json; logs in bench/work/<size>/logs/`,
  );
  return sizes.some((s) => s.summary.project.failed === s.runs.length) ? 1 : 0;
}

process.exitCode = await main();
