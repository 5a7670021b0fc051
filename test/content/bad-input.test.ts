/**
 * Every mistake an editor can make in content ends in a message naming the file, the
 * field (where there is one) and the problem: never a stack trace, never a silently wrong
 * page. Each case is a fixture under `test/fixtures/bad-input/<case>/`, laid over a copy
 * of the example content.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { config } from '../../src/config.ts';
import { CACHE_DIR } from '../../src/lib/content/cache.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { checkNewsletters } from '../../src/lib/newsletter/problems.ts';
import { formatProblem, sortProblems } from '../../src/lib/content/problems.ts';
import { runCommand, snapshot, tempProjects } from './support/project.ts';

/** An expected problem: the exact `file:line: field:` start of its line, and words of its message. */
type Expected = [prefix: string, words: string];

const CASES: Record<string, Expected[]> = {
  'malformed-yaml': [
    ['content/bodies/panel-two.yaml:2: shortName: ', 'the YAML cannot be read'],
    ['content/modifications/SECMP0091.md:3: title: ', 'Missing closing "quote'],
    ['content/news/2018-08-unclosed.md:1: ', 'the front matter is not closed'],
  ],
  'tabs-in-yaml': [['content/modifications/SECMP0092.md:5: events[0].type: ', 'does not allow tabs']],
  'date-british': [['content/news/2018-08-british-date.md:3: date: ', 'did you mean 2018-08-31?']],
  'date-impossible': [['content/meetings/2018-02-30-tag.md:3: date: ', 'February 2018 has no day 30']],
  'stage-written': [
    [
      'content/modifications/SECMP0093.md:4: stage: ',
      'unknown field: a modification’s stage is derived from its events',
    ],
  ],
  'unknown-path': [['content/modifications/SECMP0094.md:4: path: ', 'did you mean “self-governance”?']],
  'unknown-party-category': [
    ['content/modifications/SECMP0095.md:6: parties[1]: ', '“big-suppliers” is not one of large-suppliers'],
    ['content/party-stats/2018-09.yaml:2: counts.small-suppliers: ', 'is required but missing'],
    [
      'content/party-stats/2018-09.yaml:6: counts.small-supplier: ',
      'unknown field; did you mean “small-suppliers”?',
    ],
  ],
  'unknown-body': [
    [
      'content/meetings/2018-10-12-sec-panel.md:2: body: ',
      'no body “sec-panle” in content/bodies/; did you mean “sec-panel”?',
    ],
  ],
  'duplicate-id': [
    [
      'content/meetings/archive/2018-08-10-sec-panel.md:2: ',
      'duplicate id “2018-08-10-sec-panel”: content/meetings/2018-08-10-sec-panel.md has it too',
    ],
    [
      'content/news/2018-08-newsletter-changes.md:2: ',
      'duplicate id “2018-08-newsletter-changes”: content/news/2018-08-Newsletter-Changes.md has it too',
    ],
  ],
  'id-mismatch': [['content/modifications/SECMP0096.md:2: id: ', '“SECMP0069” does not match the file name']],
  'missing-reference': [
    ['content/modifications/SECMP0097.md:7: events[0].meeting: ', 'no meeting “2018-08-10-sec-panl”'],
    ['content/news/2018-08-missing-references.md:6: bodies[0]: ', 'no body “change-bored”'],
    [
      'content/news/2018-08-missing-references.md:9: modifications[1]: ',
      'no modification “SECMP0100” in content/modifications/',
    ],
    ['content/news/2018-08-missing-references.md:11: meetings[0]: ', 'no meeting “2018-08-22-change-bored”'],
  ],
  'event-before-raised': [
    [
      'content/modifications/SECMP0098.md:8: events[1].date: ',
      'imr-presented on 2018-08-10 is before the modification was raised (2018-08-15)',
    ],
  ],
  'consultation-closes-before-opens': [
    ['content/consultations/backwards.md:5: closes: ', 'closes (2018-08-24) before it opens (2018-09-05)'],
  ],
  'misspelt-key': [
    ['content/modifications/SECMP0099.md:2: title: ', 'is required but missing'],
    ['content/modifications/SECMP0099.md:3: tittle: ', 'unknown field; did you mean “title”?'],
  ],
  'empty-file': [['content/news/2018-08-empty.md:1: ', 'the file is empty']],
  'invalid-utf8': [
    ['content/news/2018-08-latin-1.md:2: title: ', 'is not valid UTF-8 text (bad byte 0xe9 on line 2)'],
  ],
  'wrong-folder': [
    ['content/bodies/change-sub-committee.yml: ', 'bodies are .yaml files; this one would be ignored'],
    ['content/modification: ', 'not a collection; did you mean “modifications”?'],
    [
      'content/modifications/2018-08-newsletter-moved.md: ',
      'this looks like a file of news, not modifications: move it to content/news/',
    ],
    ['content/notes.md: ', "files go in a collection's folder"],
  ],
};

/** A 10 MB file is not committed: tests make it. */
const HUGE: Expected = [
  'content/news/2018-08-huge.md: ',
  'the file is 10.0 MB; content files are limited to 1 MB',
];
async function addHugeFile(root: string): Promise<void> {
  const file = path.join(root, HUGE[0].slice(0, -2));
  await mkdir(path.dirname(file), { recursive: true });
  const head = '---\ntitle: A huge file\ndate: 2018-08-31\ncategory: general\n---\n\n';
  await writeFile(
    file,
    head +
      'All work and no play. '
        .repeat(Math.ceil((10 * 1024 * 1024) / 22))
        .slice(0, 10 * 1024 * 1024 - head.length),
  );
}

/** Checks problem lines against expectations: the same number, each in order. */
function expectLines(lines: string[], expected: Expected[]): void {
  // In the order problems are reported: by file, then line.
  const key = ([prefix]: Expected) => {
    const [, file, line] = /^(.*?)(?::(\d+))?: /.exec(prefix)!;
    return { file: file!, line: Number(line ?? 0) };
  };
  const sorted = [...expected].sort(
    (a, b) => key(a).file.localeCompare(key(b).file) || key(a).line - key(b).line,
  );
  expect(lines, lines.join('\n')).toHaveLength(expected.length);
  lines.forEach((line, i) => {
    expect(line.startsWith(sorted[i]![0]), `${line}\n  should start ${sorted[i]![0]}`).toBe(true);
    expect(line).toContain(sorted[i]![1]);
  });
}

const project = tempProjects();

describe('each bad input, through the loader', () => {
  it.each(Object.entries(CASES))('%s', async (name, expected) => {
    const root = await project(`bad-input/${name}`);
    const { problems } = await loadContent(root);
    expectLines(sortProblems(problems).map(formatProblem), expected);
    for (const p of problems) {
      expect(p.file).toMatch(/^content\//);
      expect(p.message.length).toBeGreaterThan(10);
    }
  });

  it('a 10 MB file', async () => {
    const root = await project();
    await addHugeFile(root);
    const { problems } = await loadContent(root);
    expectLines(problems.map(formatProblem), [HUGE]);
  });

  it('the example content alone has no problem (so each case above is its fixture alone)', async () => {
    const { problems } = await loadContent(await project());
    expect(problems).toEqual([]);
  });
});

describe('npm run check, as a command', () => {
  /** The problem lines of check's output: everything before the summary. */
  const problemLines = (stderr: string) => stderr.split('\n\n✘')[0]!.split('\n').filter(Boolean);

  it('reports every problem of every case at once, sorted, and exits 1', async () => {
    const root = await project(...Object.keys(CASES).map((c) => `bad-input/${c}`));
    await addHugeFile(root);
    const before = await snapshot(root, CACHE_DIR);
    const { code, stdout, stderr } = await runCommand('check', [], root);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).not.toMatch(/^\s+at /m);
    const all = [...Object.values(CASES).flat(), HUGE];
    expectLines(problemLines(stderr), all);
    expect(stderr).toMatch(new RegExp(`✘ ${all.length} problems in \\d+ of \\d+ files`));
    // Nothing but the loader's cache.
    expect(await snapshot(root, CACHE_DIR)).toEqual(before);
  });

  // A representative set, one command each: the exit code belongs to that mistake alone.
  it.each([
    'malformed-yaml',
    'tabs-in-yaml',
    'invalid-utf8',
    'missing-reference',
    'stage-written',
    'wrong-folder',
  ])('%s: exit 1, its problems alone, no stack trace', async (name) => {
    const root = await project(`bad-input/${name}`);
    const { code, stderr } = await runCommand('check', [], root);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/^\s+at /m);
    expectLines(problemLines(stderr), CASES[name]!);
  });

  it('a 10 MB file: exit 1, no stack trace', async () => {
    const root = await project();
    await addHugeFile(root);
    const { code, stderr } = await runCommand('check', [], root);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/^\s+at /m);
    expectLines(problemLines(stderr), [HUGE]);
  });

  it('the example content: exit 0', async () => {
    const { code, stdout } = await runCommand('check', [], await project());
    expect(code).toBe(0);
    expect(stdout).toMatch(/✔ \d+ content files are valid/);
  });
});

/**
 * A newsletter month with no content at all is found by the newsletter's own check, which
 * `npm run check` runs once the loader finds nothing wrong (it needs the whole, valid
 * content to assemble the issue).
 */
describe('a newsletter month with no content at all', () => {
  const EMPTY: Expected = ['content/newsletters/2019-03.md:3: issueDate: ', 'nothing to send for March 2019'];

  it('through the loader and the newsletter check', async () => {
    const root = await project('bad-input-newsletter/newsletter-empty-month');
    const { problems, corpus } = await loadContent(root);
    expect(problems).toEqual([]);
    const found = await checkNewsletters(root, corpus, { contact: config.contact });
    expectLines(found.map(formatProblem), [EMPTY]);
  });

  it('npm run check: exit 1, the problem alone, no stack trace', async () => {
    const root = await project('bad-input-newsletter/newsletter-empty-month');
    const { code, stderr } = await runCommand('check', [], root);
    expect(code).toBe(1);
    expect(stderr).not.toMatch(/^\s+at /m);
    expectLines(stderr.split('\n\n✘')[0]!.split('\n').filter(Boolean), [EMPTY]);
  });
});
