/** The newsletter step of `npm run build`: every issue, into the staging folder. */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { newsletterStep } from '../../src/lib/newsletter/build.ts';
import { exampleCorpus, ROOT } from './support/example.ts';

let outDir: string | undefined;
afterAll(() => (outDir ? rm(outDir, { recursive: true, force: true }) : undefined));

describe('newsletterStep', () => {
  it('writes every issue’s four files beside what the site built, and logs each email’s size', async () => {
    outDir = await mkdtemp(path.join(tmpdir(), 'nl-step-'));
    const log: string[] = [];
    await newsletterStep({ root: ROOT, outDir, corpus: await exampleCorpus(), log: (m) => log.push(m) });
    expect(await readdir(path.join(outDir, 'newsletters'))).toEqual(['2018-08']);
    expect((await readdir(path.join(outDir, 'newsletters/2018-08'))).sort()).toEqual([
      'email.eml',
      'email.html',
      'email.txt',
      'issue.json',
    ]);
    const html = await readFile(path.join(outDir, 'newsletters/2018-08/email.html'));
    expect(log).toEqual([
      `newsletters/2018-08/email.html ${(html.length / 1024).toFixed(1)} KB`,
      expect.stringMatching(/^1 issue: [01] rendered, [01] from the cache$/),
    ]);
  });
});
