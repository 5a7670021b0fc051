import { describe, expect, it } from 'vitest';
import type { Corpus, Entry } from '../../../src/lib/corpus.ts';
import { assembleIssue } from '../../../src/lib/newsletter/assemble.ts';
import type { BodyBlock, GovernanceSection } from '../../../src/lib/newsletter/model.ts';
import { BODIES, CONTACT, corpusOf, meeting, news, nl } from '../support/corpus.ts';

type Item = [keyof Corpus, Entry<unknown>];

function governance(items: Item[], newsletter: Record<string, unknown> = {}): GovernanceSection | undefined {
  const issue = assembleIssue(corpusOf(...BODIES, nl(newsletter), ...items), '2030-03', { contact: CONTACT });
  return issue.sections.find((s): s is GovernanceSection => s.id === 'governance');
}
const blockKeys = (items: Item[], newsletter: Record<string, unknown> = {}) =>
  governance(items, newsletter)?.blocks.map((b) => b.key) ?? [];
const bodyBlock = (items: Item[], id: string) =>
  governance(items)?.blocks.find((b): b is BodyBlock => b.key === `body/${id}`);

const panel5 = meeting(
  '2030-03-05-sec-panel',
  { body: 'sec-panel', date: '2030-03-05' },
  '- Panel headline.',
);
const tag2 = meeting('2030-03-02-tag', { body: 'tag', date: '2030-03-02' });
const ssc9 = meeting('2030-03-09-ssc', { body: 'ssc', date: '2030-03-09' });
const cb = meeting('2030-03-10-change-board', { body: 'change-board', date: '2030-03-10' });

describe('governance: a block per standing body that met in the month, in the bodies’ order', () => {
  it.each<[string, Item[], string[]]>([
    ['by `order`, not by date or name', [tag2, panel5, ssc9], ['body/sec-panel', 'body/ssc', 'body/tag']],
    ['bodies that are not standing are left out', [cb, tag2], ['body/tag']],
    [
      'a meeting in another month is not reported',
      [meeting('2030-02-27-tag', { body: 'tag', date: '2030-02-27' })],
      [],
    ],
    [
      'nor one after the issue date, though in the month',
      [meeting('2030-03-25-tag', { body: 'tag', date: '2030-03-25' })],
      [],
    ],
    [
      'nor a cancelled one',
      [meeting('2030-03-03-tag', { body: 'tag', date: '2030-03-03', status: 'cancelled' })],
      [],
    ],
    [
      'a meeting on the issue date marked held is reported',
      [meeting('2030-03-20-tag', { body: 'tag', date: '2030-03-20', status: 'held' })],
      ['body/tag'],
    ],
  ])('%s', (_, items, expected) => {
    expect(blockKeys(items)).toEqual(expected);
  });

  it('names the body in full with its short name, and lists its meetings with headlines and documents', () => {
    const tag = meeting(
      '2030-03-02-tag',
      { body: 'tag', date: '2030-03-02', documents: [{ type: 'headlines', title: 'TAG headlines' }] },
      '- A headline.',
    );
    expect(bodyBlock([tag], 'tag')).toMatchObject({
      title: 'Testing Advisory Group (TAG)',
      topic: 'TAG',
      body: { id: 'tag', path: '/governance/tag/' },
      meetings: [
        {
          key: 'meeting/2030-03-02-tag',
          title: 'TAG meeting',
          date: '2030-03-02',
          path: '/meetings/2030-03-02-tag/',
          headlines: { markdown: '- A headline.' },
          // A document without a URL of its own is reached through the meeting's page.
          documents: [{ title: 'TAG headlines', url: undefined, path: '/meetings/2030-03-02-tag/' }],
        },
      ],
    });
  });

  it('treats a meeting body of HTML comments alone as no headlines', () => {
    const tag = meeting(
      '2030-03-02-tag',
      { body: 'tag', date: '2030-03-02' },
      '<!-- headlines to come -->\n',
    );
    expect(bodyBlock([tag], 'tag')?.meetings[0]?.headlines).toBeUndefined();
  });

  it('gives each body its next meeting after the issue date, skipping cancelled ones', () => {
    const items = [
      tag2,
      meeting('2030-03-20-tag', { body: 'tag', date: '2030-03-20' }),
      meeting('2030-03-27-tag', { body: 'tag', date: '2030-03-27', number: 9, status: 'cancelled' }),
      meeting('2030-04-03-tag', { body: 'tag', date: '2030-04-03', number: 10 }),
    ];
    expect(bodyBlock(items, 'tag')?.next).toMatchObject({ id: '2030-04-03-tag', title: 'TAG meeting 10' });
    expect(bodyBlock([tag2], 'tag')?.next).toBeUndefined();
  });
});

describe('governance: news of the month', () => {
  const election = news('2030-03-election', {
    title: 'Election result',
    date: '2030-03-15',
    category: 'governance',
    bodies: ['sec-panel'],
  });
  const appeal = news('2030-03-appeal', {
    title: 'Appeal',
    date: '2030-03-12',
    category: 'governance',
    meetings: ['2030-03-05-sec-panel'],
  });
  const security = news('2030-03-ssc', {
    title: 'SSC update',
    date: '2030-03-16',
    category: 'security',
    meetings: ['2030-03-09-ssc'],
  });

  it.each<[string, Item[], Record<string, unknown>, string[]]>([
    [
      'stands on its own, before the bodies, when it concerns no meeting of the month',
      [election, panel5],
      {},
      ['news/2030-03-election', 'body/sec-panel'],
    ],
    ['goes with the body whose meeting of the month it concerns', [appeal, panel5], {}, ['body/sec-panel']],
    ['security news too', [security, ssc9], {}, ['body/ssc']],
    ['stands alone when the meeting it names is not of the month', [appeal], {}, ['news/2030-03-appeal']],
    [
      'is left out when featured in the editorial',
      [election, panel5],
      { featured: [{ news: '2030-03-election' }] },
      ['body/sec-panel'],
    ],
    [
      'other categories belong to other sections',
      [news('2030-03-r', { title: 'R', date: '2030-03-01', category: 'reminder' })],
      {},
      [],
    ],
    [
      'news after the issue date waits for the next issue',
      [news('2030-03-late', { title: 'Late', date: '2030-03-28', category: 'governance' })],
      {},
      [],
    ],
  ])('%s', (_, items, newsletter, expected) => {
    expect(blockKeys(items, newsletter)).toEqual(expected);
  });

  it('puts attached news after the body’s meetings', () => {
    const block = bodyBlock([appeal, panel5], 'sec-panel');
    expect(block?.meetings.map((m) => m.id)).toEqual(['2030-03-05-sec-panel']);
    expect(block?.news.map((n) => n.key)).toEqual(['news/2030-03-appeal']);
  });
});
