/**
 * The corpus index issues are assembled from: date keys that order as `compareWhen` does,
 * months between two, and the month buckets an issue reads instead of the whole corpus.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareWhen } from '../../src/lib/dates.ts';
import { assembleIssue } from '../../src/lib/newsletter/assemble.ts';
import { byWhen, corpusIndex, monthsBetween, whenKey } from '../../src/lib/newsletter/corpus-index.ts';
import type { ChangeSection, InformationSection } from '../../src/lib/newsletter/model.ts';
import { BODIES, CONTACT, consultation, corpusOf, meeting, modification, nl } from './support/corpus.ts';

const sign = (n: number) => Math.sign(n);

describe('whenKey and byWhen', () => {
  it.each<[string, string]>([
    ['2018-08', '2018-08-31'],
    ['2018-08', '2018-08-31T10:00'],
    ['2018-08-31', '2018-08-31T10:00'],
    ['2018-08-30T23:59', '2018-08'],
    ['2018-02', '2018-02-28'],
    ['2020-02', '2020-02-29T09:00'],
    ['2018-09-01', '2018-08'],
    ['2018-08-31T09:00', '2018-08-31T10:00'],
  ])('orders %s and %s as compareWhen does', (a, b) => {
    expect(sign(byWhen(a, b))).toBe(sign(compareWhen(a, b)));
    expect(sign(byWhen(b, a))).toBe(sign(compareWhen(b, a)));
  });

  it('agrees with compareWhen on any two dates of any precision', () => {
    const when = fc
      .record({
        y: fc.integer({ min: 2016, max: 2030 }),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 28 }),
        time: fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))),
        precision: fc.constantFrom('month', 'day', 'time'),
      })
      .map(({ y, m, d, time, precision }) => {
        const month = `${y}-${String(m).padStart(2, '0')}`;
        if (precision === 'month') return month;
        const day = `${month}-${String(d).padStart(2, '0')}`;
        if (precision === 'day' || !time) return day;
        return `${day}T${String(time[0]).padStart(2, '0')}:${String(time[1]).padStart(2, '0')}`;
      });
    fc.assert(fc.property(when, when, (a, b) => sign(byWhen(a, b)) === sign(compareWhen(a, b))));
  });

  it('keys a month-only date as the last day of its month', () => {
    expect(whenKey('2018-08')).toBe('2018-08-31');
    expect(whenKey('2018-08-06T17:00')).toBe('2018-08-06T17:00');
  });
});

describe('monthsBetween', () => {
  it.each<[string, string, string[]]>([
    ['2018-08', '2018-08', ['2018-08']],
    ['2018-11', '2019-02', ['2018-11', '2018-12', '2019-01', '2019-02']],
    ['2018-09', '2018-08', []],
  ])('%s to %s', (from, to, expected) => expect(monthsBetween(from, to)).toEqual(expected));
});

describe('the index', () => {
  const corpus = corpusOf(
    ...BODIES,
    nl(),
    meeting('2030-03-25-tag', { body: 'tag', date: '2030-03-25', number: 5 }),
    meeting('2030-03-05-tag', { body: 'tag', date: '2030-03-05T10:00', number: 4 }),
    meeting('2030-03-05-tag-early', { body: 'tag', date: '2030-03-05T09:00', number: 3 }),
    consultation('long', { opens: '2029-12-01', closes: '2030-05-01' }),
    consultation('no-opening-date', { closes: '2030-04-01' }),
    consultation('over', { opens: '2029-12-01', closes: '2030-03-19' }),
    consultation('mrc-long', { kind: 'modification-report', opens: '2030-02-01', closes: '2030-04-20' }),
  );

  it('sorts each body’s meetings by date and time, once, with their days', () => {
    const index = corpusIndex(corpus);
    expect(index.meetingsByBody.get('tag')?.map((m) => m.id)).toEqual([
      '2030-03-05-tag-early',
      '2030-03-05-tag',
      '2030-03-25-tag',
    ]);
    expect(index.meetingDaysByBody.get('tag')).toEqual(['2030-03-05', '2030-03-05', '2030-03-25']);
    expect(corpusIndex(corpus)).toBe(index);
  });

  it('files a consultation under every month it is open in', () => {
    const index = corpusIndex(corpus);
    for (const month of ['2029-12', '2030-01', '2030-02', '2030-03', '2030-04', '2030-05'])
      expect(index.consultationsByOpenMonth.get(month)?.map((c) => c.id)).toContain('long');
    expect(index.consultationsByOpenMonth.get('2030-06')).toBeUndefined();
    expect(index.consultationsWithoutOpens.map((c) => c.id)).toEqual(['no-opening-date']);
  });

  it('finds consultations opened months before the issue, or with no opening date, as open', () => {
    const issue = assembleIssue(corpus, '2030-03', { contact: CONTACT });
    const info = issue.sections.find((s): s is InformationSection => s.id === 'information');
    const listed = info?.blocks.flatMap((b) => ('items' in b ? b.items.map((i) => i.key) : []));
    expect(listed).toEqual(expect.arrayContaining(['consultation/long', 'consultation/no-opening-date']));
    expect(listed).not.toContain('consultation/over');
  });

  it('finds an open Modification Report Consultation opened the month before', () => {
    const withChange = corpusOf(
      ...BODIES,
      nl(),
      modification('SECMP0100', { events: [{ type: 'withdrawn', date: '2030-03-02' }] }),
      consultation('mrc-long', { kind: 'modification-report', opens: '2030-02-01', closes: '2030-04-20' }),
    );
    const issue = assembleIssue(withChange, '2030-03', { contact: CONTACT });
    const change = issue.sections.find((s): s is ChangeSection => s.id === 'change');
    const mrcs = change?.blocks.find((b) => b.kind === 'modification-report-consultations');
    expect(mrcs && 'items' in mrcs ? mrcs.items.map((i) => i.key) : []).toEqual(['consultation/mrc-long']);
  });
});
