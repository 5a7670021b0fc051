import { describe, expect, it } from 'vitest';
import { assembleIssue, hasContent, issueMonths } from '../../src/lib/newsletter/assemble.ts';
import type { Corpus, Entry } from '../../src/lib/corpus.ts';
import { BODIES, CONTACT, corpusOf, meeting, modification, news, nl, partyStats } from './support/corpus.ts';

type Item = [keyof Corpus, Entry<unknown>];

const heldPanel = meeting('2030-03-05-sec-panel', { body: 'sec-panel', date: '2030-03-05' }, '- Headline.');
const vote = modification('SECMP0100', {
  path: 'self-governance',
  events: [{ type: 'change-board-vote', date: '2030-03-10', outcome: 'approved' }],
});
const stats = partyStats('2030-03');
const reminder = news('2030-03-reminder', { title: 'Reminder', date: '2030-03-01', category: 'reminder' });
const elsewhere = meeting('2030-01-05-sec-panel', { body: 'sec-panel', date: '2030-01-05' });

const assemble = (...items: Item[]) =>
  assembleIssue(corpusOf(...BODIES, nl(), ...items), '2030-03', { contact: CONTACT });
const sectionIds = (...items: Item[]) => assemble(...items).sections.map((s) => s.id);

describe('assembleIssue: sections in the order of the newsletter, each left out when empty', () => {
  it.each<[string, Item[], string[]]>([
    ['nothing but the newsletter file', [], ['editorial']],
    ['content of another month only', [elsewhere], ['editorial']],
    ['a meeting held in the month', [heldPanel], ['editorial', 'contents', 'governance']],
    ['a Change Board vote', [vote], ['editorial', 'contents', 'change']],
    ['party statistics of the month', [stats], ['editorial', 'contents', 'information']],
    ['a reminder', [reminder], ['editorial', 'contents', 'information']],
    [
      'all of them, whatever order they are given in',
      [stats, vote, reminder, heldPanel],
      ['editorial', 'contents', 'governance', 'change', 'information'],
    ],
  ])('%s', (_, items, expected) => {
    expect(sectionIds(...items)).toEqual(expected);
  });

  it('describes the issue itself from the newsletter file', () => {
    const issue = assemble();
    expect(issue).toMatchObject({
      month: '2030-03',
      title: 'SEC Newsletter March 2030',
      preheader: 'The March news.',
      issueDate: '2030-03-20',
      path: '/newsletters/2030-03/',
      source: 'content/newsletters/2030-03.md',
    });
  });

  it('lists, under “Also in this edition”, each section with the topics of its blocks', () => {
    const contents = assemble(heldPanel, vote, stats).sections.find((s) => s.id === 'contents');
    expect(contents).toMatchObject({
      title: 'Also in this edition',
      entries: [
        { section: 'governance', title: 'SEC governance', topics: ['SEC Panel'] },
        { section: 'change', title: 'Change update', topics: ['Change Board', 'Modifications Register'] },
        {
          section: 'information',
          title: 'Information and consultations',
          topics: ['SEC Parties and accessions'],
        },
      ],
    });
  });

  it('fails for a month without a newsletter file, naming the file to add', () => {
    expect(() => assembleIssue(corpusOf(...BODIES, nl()), '2030-04', { contact: CONTACT })).toThrow(
      /no newsletter for 2030-04: add content\/newsletters\/2030-04\.md \(newsletters: 2030-03\)/,
    );
  });

  it('is pure: the same input gives the same issue', () => {
    expect(assemble(heldPanel, vote, stats)).toEqual(assemble(heldPanel, vote, stats));
  });
});

describe('hasContent', () => {
  it.each<[string, Item[], Record<string, unknown>, boolean]>([
    ['an introduction alone', [], {}, false],
    ['a featured item', [reminder], { featured: [{ news: '2030-03-reminder' }] }, true],
    ['a section', [heldPanel], {}, true],
  ])('%s: %s', (_, items, extra, expected) => {
    const issue = assembleIssue(corpusOf(...BODIES, nl(extra), ...items), '2030-03', { contact: CONTACT });
    expect(hasContent(issue)).toBe(expected);
  });
});

describe('issueMonths', () => {
  it('lists the months with a newsletter file, oldest first', () => {
    const later = nl({ issueDate: '2030-04-20' });
    later[1].id = '2030-04';
    expect(issueMonths(corpusOf(later, nl()))).toEqual(['2030-03', '2030-04']);
  });
});
