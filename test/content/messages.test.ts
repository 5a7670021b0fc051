/**
 * The messages docs/editing.md explains, each produced by the mistake it describes: the
 * guide's tables stay true. All the mistakes are loaded at once, over the example content,
 * without writing a file (the loader's overrides).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import { formatProblem } from '../../src/lib/content/problems.ts';

const FILES: Record<string, string> = {
  'content/designations/5.20.md': '---\nversion: 5.20\ndate: 2018-08-22\n---\n',
  'content/news/2018-08-month-only.md': '---\ntitle: T\ndate: 2018-08\ncategory: general\n---\n',
  'content/news/2018-08-with-time.md': '---\ntitle: T\ndate: 2018-08-01T10:00\ncategory: general\n---\n',
  'content/news/2018-08-twice.md': '---\ntitle: T\ntitle: U\ndate: 2018-08-01\ncategory: general\n---\n',
  'content/news/2018-08-list.md': '---\ntitle: [a, b]\ndate: 2018-08-01\ncategory: general\n---\n',
  'content/news/2018-08-no-category.md': '---\ntitle: T\ndate: 2018-08-01\nid: x\n---\n',
  'content/news/2018-08-no-front-matter.md': 'Just text.\n',
  'content/meetings/2018-08-11-tag.md': '---\nbody: tag\ndate: 2018-08-12\n---\n',
  'content/newsletters/2018-07.md':
    '---\ntitle: T\nissueDate: 2018-08-01\npreheader: P\nsignedBy:\n  name: N\n  role: R\n---\n',
  'content/modifications/SECMP0087.md':
    '---\nid: SECMP0087\ntitle: Known by an alias\naliases: [MP087]\n---\n',
  'content/modifications/SECMP0088.md': [
    '---',
    'id: SECMP0088',
    'title: Outcomes and notes',
    'related: [MP087]',
    'events:',
    '  - type: raised',
    '    date: 2018-08-01',
    '    outcome: approved',
    '  - type: note',
    '    date: 2018-08-02',
    '  - type: change-board-vote',
    '    date: 2018-08-03',
    '  - type: imr-presented',
    '    date: 2018-08-03',
    '    outcome: approved',
    '---',
    '',
  ].join('\n'),
};

const EXPECTED: [prefix: string, words: string][] = [
  [
    'content/designations/5.20.md:2: version: ',
    'expected a version in quotes, e.g. "5.21" (unquoted, YAML reads 5.20 as 5.2), got the number 5.2',
  ],
  ['content/news/2018-08-month-only.md:3: date: ', '“2018-08” needs a day'],
  ['content/news/2018-08-with-time.md:3: date: ', '“2018-08-01T10:00” takes a date without a time'],
  ['content/news/2018-08-twice.md:3: title: ', 'a field is given twice (Map keys must be unique)'],
  ['content/news/2018-08-list.md:2: title: ', 'expected text, got a list'],
  ['content/news/2018-08-no-category.md:2: category: ', 'is required but missing: one of governance, change'],
  ['content/news/2018-08-no-category.md:4: id: ', 'unknown field: an entry’s id is its file name'],
  [
    'content/news/2018-08-no-front-matter.md:1: ',
    'no front matter: the file must start with a line of three dashes (---)',
  ],
  [
    'content/meetings/2018-08-11-tag.md:3: date: ',
    '2018-08-12 is not the date in the file name (2018-08-11)',
  ],
  [
    'content/newsletters/2018-07.md:3: issueDate: ',
    '2018-08-01 is not in 2018-07, the month this newsletter',
  ],
  [
    'content/modifications/SECMP0088.md:4: related[0]: ',
    '“MP087” is an alias: refer to the modification by its id, SECMP0087',
  ],
  ['content/modifications/SECMP0088.md:8: events[0].outcome: ', 'a raised event has no outcome'],
  ['content/modifications/SECMP0088.md:9: events[1].summary: ', 'a note needs a summary'],
  [
    'content/modifications/SECMP0088.md:11: events[2].outcome: ',
    'a change-board-vote event needs an outcome: one of approved, rejected',
  ],
  [
    'content/modifications/SECMP0088.md:15: events[3].outcome: ',
    '“approved” is not an outcome of imr-presented: expected one of refinement, report-phase',
  ],
];

let lines: string[];
beforeAll(async () => {
  const overrides = new Map(Object.entries(FILES).map(([f, t]) => [f, new TextEncoder().encode(t)]));
  lines = (await loadContent(PROJECT_ROOT, undefined, { overrides })).problems.map(formatProblem);
});

describe('each message of the guide, from its mistake', () => {
  it.each(EXPECTED)('%s', (prefix, words) => {
    const line = lines.find((l) => l.startsWith(prefix));
    expect(line, lines.join('\n')).toBeDefined();
    expect(line).toContain(words);
  });

  it('and no other problem', () => {
    expect(lines).toHaveLength(EXPECTED.length);
  });
});
