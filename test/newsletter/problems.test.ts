import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';
import { checkNewsletters, newsletterProblems } from '../../src/lib/newsletter/problems.ts';
import { BODIES, CONTACT, corpusOf, meeting, nl } from './support/corpus.ts';
import { ROOT } from './support/example.ts';

describe('newsletterProblems', () => {
  it('accepts an issue with content and keys that all match', () => {
    const corpus = corpusOf(
      ...BODIES,
      nl({ sections: { governance: { exclude: ['meeting/2030-03-05-tag'] } } }),
      meeting('2030-03-05-tag', { body: 'tag', date: '2030-03-05' }),
      meeting('2030-03-06-tag', { body: 'tag', date: '2030-03-06' }),
    );
    expect(newsletterProblems(corpus, { contact: CONTACT })).toEqual([]);
  });

  it('refuses a month with a newsletter file but nothing to send, naming the file and field', () => {
    const [problem, ...rest] = newsletterProblems(corpusOf(...BODIES, nl()), { contact: CONTACT });
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ file: 'content/newsletters/2030-03.md', field: 'issueDate' });
    expect(problem!.message).toMatch(
      /^nothing to send for March 2030: no meeting, modification event, news item/,
    );
  });

  it('refuses a key that matches no item, suggesting the one meant', () => {
    const corpus = corpusOf(
      ...BODIES,
      nl({ sections: { governance: { order: ['body/tag', 'body/tagg'] } } }),
      meeting('2030-03-05-tag', { body: 'tag', date: '2030-03-05' }),
    );
    expect(newsletterProblems(corpus, { contact: CONTACT }).map(formatProblem)).toEqual([
      'content/newsletters/2030-03.md: sections.governance.order[1]: no item “body/tagg” in the governance section of this issue; did you mean “body/tag”?',
    ]);
  });

  it('lists the section’s keys when nothing is close', () => {
    const corpus = corpusOf(
      ...BODIES,
      nl({ sections: { change: { exclude: ['register'] } } }),
      meeting('2030-03-05-tag', { body: 'tag', date: '2030-03-05' }),
    );
    expect(newsletterProblems(corpus, { contact: CONTACT })[0]?.message).toBe(
      'no item “register” in the change section of this issue',
    );
  });
  it('checks only the month asked for, when asked', () => {
    const corpus = corpusOf(...BODIES, nl());
    expect(newsletterProblems(corpus, { contact: CONTACT, only: '2030-03' })).toHaveLength(1);
    expect(newsletterProblems(corpus, { contact: CONTACT, only: '2030-04' })).toEqual([]);
  });
});

describe('checkNewsletters, on files', () => {
  let root: string;
  beforeAll(async () => {
    root = await mkdtemp(path.join(tmpdir(), 'nl-problems-'));
    await cp(path.join(ROOT, 'content'), path.join(root, 'content'), { recursive: true });
  });
  afterAll(() => rm(root, { recursive: true, force: true }));

  it('finds nothing wrong with the example content', async () => {
    const { corpus } = await loadContent(root);
    expect(await checkNewsletters(root, corpus, { contact: CONTACT })).toEqual([]);
  });

  it('points at the line of a broken key and of an empty month', async () => {
    const file = path.join(root, 'content/newsletters/2018-08.md');
    const august = await readFile(file, 'utf8');
    await writeFile(
      file,
      august.replace('consultation/half-hourly-settlement-data-access', 'consultation/half-hourly-data'),
    );
    await writeFile(
      path.join(root, 'content/newsletters/2031-01.md'),
      '---\ntitle: SEC Newsletter January 2031\nissueDate: 2031-01-20\npreheader: Nothing yet.\nsignedBy:\n  name: A Editor\n  role: Editor\n---\n\nHello.\n',
    );
    const { corpus, problems } = await loadContent(root);
    expect(problems).toEqual([]);
    const found = (await checkNewsletters(root, corpus, { contact: CONTACT })).map(formatProblem);
    const orderLine = august.split('\n').findIndex((l) => l.includes('consultation/half-hourly')) + 1;
    expect(found).toEqual([
      expect.stringMatching(
        new RegExp(
          `^content/newsletters/2018-08\\.md:${orderLine}: sections\\.information\\.order\\[0\\]: no item “consultation/half-hourly-data”`,
        ),
      ),
      expect.stringMatching(
        /^content\/newsletters\/2031-01\.md:3: issueDate: nothing to send for January 2031/,
      ),
    ]);
  });
});
