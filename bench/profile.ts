/**
 * Summarises V8 CPU profiles (`.cpuprofile`, as `npm run bench -- --profile` writes them under
 * `bench/work/<size>/profiles/<step>/`): self time by function and by file or package.
 *
 *   node bench/profile.ts bench/work/1000/profiles/project-build-1 [--top 30]
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  totalMs: number;
  byFunction: [string, number][];
  byFile: [string, number][];
  /** Inclusive time (the function anywhere on the stack) of the project's own functions. */
  ownInclusive: [string, number][];
  /** Inclusive time by package (any frame of it on the stack). */
  packageInclusive: [string, number][];
}

/** Where a script lives, shortened: `astro/dist/core/build/…`, `src/lib/stage.ts`. */
export function shortUrl(url: string): string {
  if (!url) return '(native)';
  const u = url.replace(/^file:\/\//, '');
  const nm = u.lastIndexOf('node_modules/');
  if (nm >= 0) return u.slice(nm + 'node_modules/'.length);
  const src = Math.max(u.lastIndexOf('/src/'), u.lastIndexOf('/templates/'));
  if (src >= 0) return u.slice(src + 1);
  const bench = u.lastIndexOf('/bench/');
  return bench >= 0 ? u.slice(bench + 1) : u;
}

export function summarise(file: string, profile: Profile): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000));
  const fn = new Map<string, number>();
  const fl = new Map<string, number>();
  for (const [id, ms] of self) {
    const n = byId.get(id)!;
    const where = shortUrl(n.callFrame.url);
    const name = `${n.callFrame.functionName || '(anonymous)'}  ${where}${n.callFrame.url ? `:${n.callFrame.lineNumber + 1}` : ''}`;
    fn.set(name, (fn.get(name) ?? 0) + ms);
    const pkg = where.startsWith('@') ? where.split('/').slice(0, 2).join('/') : where.split('/')[0]!;
    const key = where.startsWith('src/') || where.startsWith('bench/') ? where : pkg;
    fl.set(key, (fl.get(key) ?? 0) + ms);
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);

  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const own = new Map<string, number>();
  const pkgs = new Map<string, number>();
  for (const [id, ms] of self) {
    const seenOwn = new Set<string>();
    const seenPkg = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur)!;
      const where = shortUrl(n.callFrame.url);
      if (where.startsWith('src/') || where.startsWith('templates/')) {
        seenOwn.add(`${n.callFrame.functionName || '(anonymous)'}  ${where}:${n.callFrame.lineNumber + 1}`);
        seenPkg.add(where.split('/').slice(0, 3).join('/'));
      } else if (n.callFrame.url && !where.startsWith('node:')) {
        seenPkg.add(where.startsWith('@') ? where.split('/').slice(0, 2).join('/') : where.split('/')[0]!);
      }
    }
    for (const k of seenOwn) own.set(k, (own.get(k) ?? 0) + ms);
    for (const k of seenPkg) pkgs.set(k, (pkgs.get(k) ?? 0) + ms);
  }
  return {
    file,
    totalMs: (profile.endTime - profile.startTime) / 1000,
    byFunction: sorted(fn),
    byFile: sorted(fl),
    ownInclusive: sorted(own),
    packageInclusive: sorted(pkgs),
  };
}

function profilesIn(p: string): string[] {
  if (statSync(p).isFile()) return [p];
  return readdirSync(p)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(p, f));
}

if (import.meta.main) {
  const args = process.argv.slice(2);
  const topAt = args.indexOf('--top');
  const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 25;
  for (const file of args.flatMap(profilesIn)) {
    const s = summarise(file, JSON.parse(readFileSync(file, 'utf8')) as Profile);
    console.log(`\n# ${file}: ${(s.totalMs / 1000).toFixed(2)} s profiled`);
    console.log('\nSelf time by file or package:');
    for (const [k, ms] of s.byFile.slice(0, 15)) console.log(`${ms.toFixed(0).padStart(8)} ms  ${k}`);
    console.log('\nInclusive time by package or project folder (on the stack):');
    for (const [k, ms] of s.packageInclusive.slice(0, 20))
      console.log(`${ms.toFixed(0).padStart(8)} ms  ${k}`);
    console.log("\nInclusive time of the project's own functions:");
    for (const [k, ms] of s.ownInclusive.slice(0, top)) console.log(`${ms.toFixed(0).padStart(8)} ms  ${k}`);
    console.log('\nSelf time by function:');
    for (const [k, ms] of s.byFunction.slice(0, top)) console.log(`${ms.toFixed(0).padStart(8)} ms  ${k}`);
  }
}
