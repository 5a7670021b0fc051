import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  apportion,
  generateCorpus,
  PER_MONTH,
  plan,
  SYNTHETIC_COLLECTIONS,
} from '../../bench/lib/generate.ts';
import { BODY_BYTES } from '../../bench/lib/text.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';

const CONTENT = path.resolve(import.meta.dirname, '../../content');
const scratch = mkdtempSync(path.join(tmpdir(), 'bench-gen-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

function generate(name: string, entries: number, seed: number) {
  const root = path.join(scratch, name);
  const result = generateCorpus({ entries, seed, baseContent: CONTENT, outDir: path.join(root, 'content') });
  return { root, content: path.join(root, 'content'), result };
}

describe('apportion', () => {
  it.each([
    [10, { a: 1, b: 1 }, { a: 5, b: 5 }],
    [10, { a: 2, b: 1 }, { a: 7, b: 3 }],
    [7, { a: 1, b: 1, c: 1 }, { a: 3, b: 2, c: 2 }],
    [0, { a: 3, b: 1 }, { a: 0, b: 0 }],
  ])('splits %i over %o as %o', (total, weights, expected) => {
    expect(apportion(total, weights as Record<string, number>)).toEqual(expected);
  });
});

describe('plan', () => {
  it('gives one newsletter and one party-stats a month, the rest by the monthly rates', () => {
    const p = plan(2100);
    expect(p.months).toBe(100);
    expect(p.counts.newsletters).toBe(100);
    expect(p.counts['party-stats']).toBe(100);
    expect(p.counts.meetings).toBe(1050);
    expect(p.counts.modifications).toBe(300);
    expect(p.counts.news).toBe(300);
    expect(p.counts.consultations).toBe(200);
    expect(p.counts.designations).toBe(50);
  });

  it('refuses fewer files than one month holds', () => {
    expect(() => plan(10)).toThrow(/too few entries/);
  });
});

describe('generateCorpus', () => {
  const a = generate('a', 400, 7);
  const b = generate('b', 400, 7);
  const c = generate('c', 400, 8);

  it('writes exactly the number of entries asked for, the example content included', () => {
    expect(files(a.content)).toHaveLength(400);
    expect(a.result.files).toBe(400);
    const base = files(CONTENT);
    expect(a.result.baseFiles).toBe(base.length);
    for (const f of base)
      expect(readFileSync(path.join(a.content, f))).toEqual(readFileSync(path.join(CONTENT, f)));
  });

  it('is deterministic: the same seed gives the same bytes, another seed other bytes', () => {
    const list = files(a.content);
    expect(files(b.content)).toEqual(list);
    for (const f of list)
      expect(readFileSync(path.join(b.content, f), 'utf8'), f).toBe(
        readFileSync(path.join(a.content, f), 'utf8'),
      );
    const differing = list.filter((f) => {
      try {
        return (
          readFileSync(path.join(c.content, f), 'utf8') !== readFileSync(path.join(a.content, f), 'utf8')
        );
      } catch {
        return true;
      }
    });
    expect(differing.length).toBeGreaterThan(list.length / 2);
  });

  it('keeps the monthly proportions', () => {
    const synthetic = 400 - a.result.baseFiles;
    const months = a.result.months.length;
    expect(a.result.synthetic.newsletters).toBe(months);
    expect(a.result.synthetic['party-stats']).toBe(months);
    const total = Object.values(PER_MONTH).reduce((s, v) => s + v, 0);
    for (const k of SYNTHETIC_COLLECTIONS) {
      expect(Math.abs(a.result.synthetic[k] - (synthetic * PER_MONTH[k]) / total), k).toBeLessThanOrEqual(
        PER_MONTH[k] / 2 + 1,
      );
    }
    expect(Object.values(a.result.synthetic).reduce((s, v) => s + v, 0)).toBe(synthetic);
    // Counted on disk, not only reported.
    const onDisk = (dir: string) =>
      files(path.join(a.content, dir)).length - files(path.join(CONTENT, dir)).length;
    for (const k of SYNTHETIC_COLLECTIONS) expect(onDisk(k), k).toBe(a.result.synthetic[k]);
  });

  it('writes consecutive months after the example content', () => {
    expect(a.result.months[0]).toBe('2018-09');
    for (let i = 1; i < a.result.months.length; i++) {
      const [y, m] = a.result.months[i - 1]!.split('-').map(Number);
      const next = m === 12 ? `${y! + 1}-01` : `${y}-${String(m! + 1).padStart(2, '0')}`;
      expect(a.result.months[i]).toBe(next);
    }
    expect(a.result.asOf.slice(0, 7)).toBe(a.result.months.at(-1));
  });

  it('passes the content checks of npm run check', async () => {
    const { problems, corpus } = await loadContent(a.root);
    expect(problems.map(formatProblem)).toEqual([]);
    // The timelines reach the later stages, through meetings that exist.
    const types = new Set(corpus.modifications.flatMap((m) => m.data.events.map((e) => e.type)));
    for (const t of ['raised', 'imr-presented', 'dmr-presented', 'fmr-issued', 'change-board-vote'])
      expect(types).toContain(t);
    expect(corpus.modifications.some((m) => m.data.events.some((e) => e.meeting))).toBe(true);
    expect(corpus.meetings.some((m) => m.data.modifications.length > 0)).toBe(true);
    expect(corpus.designations.some((d) => d.data.modifications.length > 0)).toBe(true);
    expect(corpus.consultations.some((x) => x.data.kind === 'modification-report')).toBe(true);
  });

  it('writes Markdown bodies of the sizes of their kind, with headings, lists, tables and links', async () => {
    const { corpus } = await loadContent(a.root);
    const base = new Set(files(CONTENT).map((f) => f.replace(/\.[^.]+$/, '')));
    const bodies = (
      ['modifications', 'meetings', 'news', 'consultations', 'designations', 'newsletters'] as const
    ).flatMap((c) =>
      (corpus[c] as { id: string; body?: string }[])
        .filter((e) => !base.has(`${c}/${e.id}`))
        .map((e) => e.body ?? ''),
    );
    expect(bodies).toHaveLength(400 - a.result.baseFiles - a.result.synthetic['party-stats']);
    const mean = bodies.reduce((s, b) => s + Buffer.byteLength(b), 0) / bodies.length;
    expect(mean).toBeGreaterThan(1300);
    expect(mean).toBeLessThan(1900);
    expect(a.result.meanBodyBytes).toBe(Math.round(mean));
    // Modifications are the long pages, meeting headlines the short ones.
    const meanOf = (c: 'modifications' | 'meetings') => {
      const list = (corpus[c] as { id: string; body?: string }[]).filter((e) => !base.has(`${c}/${e.id}`));
      return list.reduce((s, e) => s + Buffer.byteLength(e.body ?? ''), 0) / list.length;
    };
    expect(meanOf('modifications')).toBeGreaterThan(BODY_BYTES.modification[0]);
    expect(meanOf('modifications')).toBeLessThan(BODY_BYTES.modification[1] + 600);
    expect(meanOf('meetings')).toBeGreaterThan(BODY_BYTES.meeting[0]);
    expect(meanOf('meetings')).toBeLessThan(BODY_BYTES.meeting[1] + 600);
    const share = (re: RegExp) => bodies.filter((b) => re.test(b)).length / bodies.length;
    expect(share(/^#{2,3} /m)).toBeGreaterThan(0.5);
    expect(share(/^(- |\d+\. )/m)).toBeGreaterThan(0.5);
    expect(share(/^\| --- \|/m)).toBeGreaterThan(0.3);
    expect(share(/\]\(https:\/\//)).toBeGreaterThan(0.5);
  });
});
