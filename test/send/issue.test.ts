import { cp, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIssue, IssueError, loadBuiltIssue, type BuiltIssue } from '../../src/lib/send/issue.ts';
import { FIXTURE, scratch } from './support/cli.ts';

let work: Awaited<ReturnType<typeof scratch>>;
let dir: string;
beforeEach(async () => {
  work = await scratch();
  dir = path.join(work.dir, '2018-08');
  await cp(FIXTURE, dir, { recursive: true });
});
afterEach(() => work.cleanup());

describe('loadBuiltIssue', () => {
  it('reads the subject and metadata from issue.json and both parts', async () => {
    const issue = await loadBuiltIssue(dir, '2018-08');
    expect(issue).toMatchObject({
      month: '2018-08',
      subject: 'SEC Newsletter – August 2018',
      preheader: 'Panel election results, SECMP0049 and the SEC seminar',
      webUrl: 'https://sec-press.example/newsletters/2018-08/',
      from: 'SECAS <newsletter@sec-press.example>',
    });
    expect(issue.html).toContain('<p>Hi *|NAME|*,</p>');
    expect(issue.text).toContain('Unsubscribe: *|UNSUB|*');
  });

  it.each(['email.html', 'email.txt', 'issue.json'])(
    'names a missing %s and how to build it',
    async (file) => {
      await rm(path.join(dir, file));
      const loading = loadBuiltIssue(dir, '2018-08');
      await expect(loading).rejects.toThrow(IssueError);
      await expect(loading).rejects.toThrow(
        `${path.join(dir, file)}: not found (build the issue first: npm run newsletter -- 2018-08)`,
      );
    },
  );

  it('reads the parts named in files', async () => {
    await writeFile(path.join(dir, 'body.html'), '<p>other *|UNSUB|*</p>');
    await writeFile(
      path.join(dir, 'issue.json'),
      JSON.stringify({ month: '2018-08', subject: 'S', files: { html: 'body.html', text: 'email.txt' } }),
    );
    expect((await loadBuiltIssue(dir, '2018-08')).html).toBe('<p>other *|UNSUB|*</p>');
  });

  it.each([
    ['{"month": "2018-08"}', "subject: missing; every message needs the issue's subject"],
    [
      '{"subject": "S", "files": {"html": "../../etc/passwd"}}',
      'files.html: expected a file name beside issue.json',
    ],
    [
      '{"subject": "S", "mergeTags": {"name": "{{name}}"}}',
      'mergeTags: the issue was built with {"name":"{{name}}"}, but sending replaces',
    ],
    ['{"month": "2018-09", "subject": "S"}', 'month: this folder holds issue 2018-09, not 2018-08'],
    ['{"subject": ', 'not valid JSON'],
  ])('rejects issue.json %s', async (json, message) => {
    await writeFile(path.join(dir, 'issue.json'), json);
    await expect(loadBuiltIssue(dir, '2018-08')).rejects.toThrow(
      `${path.join(dir, 'issue.json')}: ${message}`,
    );
  });
});

describe('checkIssue', () => {
  const issue = (html: string, text: string): BuiltIssue => ({
    month: '2018-08',
    subject: 's',
    html,
    text,
    dir: '/d',
  });

  it('passes an issue with known tags and an unsubscribe link in both parts', () => {
    expect(checkIssue(issue('<a href="*|UNSUB|*">x</a> *|NAME|*', '*|UNSUB|* *|EMAIL|*'))).toEqual({
      errors: [],
      warnings: [],
    });
  });

  it('stops on unknown or URL-encoded merge tags', () => {
    const { errors } = checkIssue(
      issue('<a href="*%7CUNSUB%7C*">x</a> *|FNAME|*', '*|UNSUB|* *|LNAME|* *|FNAME|*'),
    );
    expect(errors).toEqual([
      '/d/email.html: unknown merge tag *|FNAME|*',
      '/d/email.html: a merge tag is URL-encoded (*%7C…%7C*) and would not be replaced',
      '/d/email.txt: unknown merge tags *|LNAME|*, *|FNAME|*',
    ]);
  });

  it('warns when a part has no unsubscribe link', () => {
    expect(checkIssue(issue('<p>*|NAME|*</p>', '*|UNSUB|*')).warnings).toEqual([
      '/d/email.html: no *|UNSUB|* merge tag: readers get no personal unsubscribe link in this part (the List-Unsubscribe header still has one)',
    ]);
  });
});
