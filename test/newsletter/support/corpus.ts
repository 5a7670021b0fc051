/**
 * Small corpora for assembly tests, built from front matter as an editor writes it and
 * validated by the real schemas (so defaults apply exactly as in content/).
 */
import { schemas } from '../../../src/schemas/index.ts';
import { type Corpus, emptyCorpus, type Entry } from '../../../src/lib/corpus.ts';
import type { Newsletter } from '../../../src/schemas/index.ts';

type Collection = keyof Corpus;

/** One entry, its data parsed by its collection's schema. */
export function entry<C extends Collection>(
  collection: C,
  id: string,
  data: Record<string, unknown>,
  body?: string,
): Corpus[C][number] {
  const parsed = schemas[collection].parse(data);
  return { id, data: parsed, body, filePath: `content/${collection}/${id}.md` } as Corpus[C][number];
}

/** A corpus from entries, each collection sorted by id as the loader sorts it. */
export function corpusOf(...entries: [Collection, Entry<unknown>][]): Corpus {
  const corpus = emptyCorpus();
  for (const [collection, e] of entries) (corpus[collection] as Entry<unknown>[]).push(e);
  for (const list of Object.values(corpus) as Entry<unknown>[][])
    list.sort((a, b) => a.id.localeCompare(b.id));
  return corpus;
}

export const CONTACT = { email: 'secas@test.example', phone: '020 0000 0000' };

/** Bodies: two standing (Panel first), the Change Board and SECAS not. */
export const BODIES: [Collection, Entry<unknown>][] = [
  [
    'bodies',
    entry('bodies', 'sec-panel', {
      name: 'SEC Panel',
      shortName: 'SEC Panel',
      description: 'x',
      standing: true,
      order: 1,
    }),
  ],
  [
    'bodies',
    entry('bodies', 'tag', {
      name: 'Testing Advisory Group',
      shortName: 'TAG',
      description: 'x',
      standing: true,
      order: 3,
    }),
  ],
  [
    'bodies',
    entry('bodies', 'ssc', {
      name: 'Security Sub-Committee',
      shortName: 'SSC',
      description: 'x',
      standing: true,
      order: 2,
    }),
  ],
  [
    'bodies',
    entry('bodies', 'change-board', {
      name: 'Change Board',
      shortName: 'Change Board',
      description: 'x',
      order: 4,
    }),
  ],
  [
    'bodies',
    entry('bodies', 'secas', {
      name: 'SEC Administrator and Secretariat',
      shortName: 'SECAS',
      description: 'x',
      order: 9,
    }),
  ],
];

/** The newsletter file of March 2030, sent on the 20th. */
export function newsletter(
  extra: Partial<Record<keyof Newsletter, unknown>> = {},
  body = 'Welcome to March.',
) {
  return entry(
    'newsletters',
    '2030-03',
    {
      title: 'SEC Newsletter March 2030',
      issueDate: '2030-03-20',
      preheader: 'The March news.',
      signedBy: { name: 'A Editor', role: 'Editor, SECAS' },
      ...extra,
    },
    body,
  );
}

export const meeting = (id: string, data: Record<string, unknown>, body?: string) =>
  ['meetings', entry('meetings', id, data, body)] as [Collection, Entry<unknown>];
export const news = (id: string, data: Record<string, unknown>, body = 'Body.') =>
  ['news', entry('news', id, data, body)] as [Collection, Entry<unknown>];
export const modification = (id: string, data: Record<string, unknown>, body?: string) =>
  ['modifications', entry('modifications', id, { id, title: `Title of ${id}`, ...data }, body)] as [
    Collection,
    Entry<unknown>,
  ];
export const consultation = (id: string, data: Record<string, unknown>, body?: string) =>
  [
    'consultations',
    entry('consultations', id, { title: `Consultation ${id}`, summary: 'Summary.', ...data }, body),
  ] as [Collection, Entry<unknown>];
export const designation = (version: string, data: Record<string, unknown>) =>
  ['designations', entry('designations', version, { version, ...data })] as [Collection, Entry<unknown>];
export const partyStats = (month: string, data: Record<string, unknown> = {}) =>
  [
    'party-stats',
    entry('party-stats', month, {
      month,
      counts: {
        'large-suppliers': 1,
        'small-suppliers': 2,
        'electricity-networks': 3,
        'gas-networks': 4,
        'other-sec-parties': 5,
      },
      accessions: 6,
      withdrawals: 7,
      expulsions: 8,
      panelEmploymentChanges: 9,
      ...data,
    }),
  ] as [Collection, Entry<unknown>];
export const nl = (extra: Partial<Record<keyof Newsletter, unknown>> = {}, body?: string) =>
  ['newsletters', newsletter(extra, body)] as [Collection, Entry<unknown>];
