import { describe, expect, it } from 'vitest';
import type { ModificationEvent } from '../../src/schemas/index.ts';
import { eventsOf, nextKeyDate, progressOf, stageAsOf, stageOf, timeline } from '../../src/lib/stage.ts';
import type { Entry } from '../../src/lib/corpus.ts';
import type { Consultation, Designation } from '../../src/schemas/index.ts';

const ev = (type: ModificationEvent['type'], date: string, extra: Partial<ModificationEvent> = {}) =>
  ({ type, date, ...extra }) as ModificationEvent;

describe('stageOf derives the stage from the events up to a day', () => {
  it.each<[string, ModificationEvent[], string, string | undefined]>([
    ['no events', [], '2018-08-31', undefined],
    ['only a note', [ev('note', '2018-08-01', { summary: 'x' })], '2018-08-31', undefined],
    ['raised', [ev('raised', '2018-05-01')], '2018-08-31', 'development'],
    [
      'IMR without a decision',
      [ev('raised', '2018-05-01'), ev('imr-presented', '2018-06-01')],
      '2018-08-31',
      'development',
    ],
    [
      'IMR sent to Refinement',
      [ev('imr-presented', '2018-08-10', { outcome: 'refinement' })],
      '2018-08-31',
      'refinement',
    ],
    [
      'IMR straight to Report Phase',
      [ev('imr-presented', '2018-08-10', { outcome: 'report-phase' })],
      '2018-08-31',
      'report-phase',
    ],
    [
      'DMR presented',
      [ev('refinement-started', '2018-06-01'), ev('dmr-presented', '2018-08-10')],
      '2018-08-31',
      'report-phase',
    ],
    [
      'FMR issued',
      [ev('dmr-presented', '2018-07-10'), ev('fmr-issued', '2018-08-10')],
      '2018-08-31',
      'change-board',
    ],
    [
      'Self-Governance approval',
      [ev('change-board-vote', '2018-08-22', { outcome: 'approved' })],
      '2018-08-31',
      'approved',
    ],
    [
      'Self-Governance rejection',
      [ev('change-board-vote', '2018-08-22', { outcome: 'rejected' })],
      '2018-08-31',
      'rejected',
    ],
    [
      'recommendation awaiting the Authority',
      [ev('change-board-vote', '2018-08-22', { outcome: 'recommended-approval' })],
      '2018-08-31',
      'change-board',
    ],
    [
      'sent to the Authority',
      [
        ev('change-board-vote', '2018-08-22', { outcome: 'recommended-approval' }),
        ev('sent-to-authority', '2018-08'),
      ],
      '2018-08-31',
      'with-authority',
    ],
    [
      'Authority approves',
      [
        ev('sent-to-authority', '2018-08-23'),
        ev('authority-decision', '2018-10-01', { outcome: 'approved' }),
      ],
      '2018-10-01',
      'approved',
    ],
    [
      'Authority sends back',
      [
        ev('sent-to-authority', '2018-08-23'),
        ev('authority-decision', '2018-10-01', { outcome: 'sent-back' }),
      ],
      '2018-10-01',
      'report-phase',
    ],
    [
      'returned to the Panel',
      [ev('change-board-vote', '2018-08-22', { outcome: 'returned-to-panel' })],
      '2018-08-31',
      'report-phase',
    ],
    [
      'implemented',
      [ev('change-board-vote', '2018-08-22', { outcome: 'approved' }), ev('implemented', '2018-11-01')],
      '2018-11-01',
      'implemented',
    ],
    [
      'a deadline changes nothing',
      [
        ev('change-board-vote', '2018-08-22', { outcome: 'approved' }),
        ev('referral-period-ends', '2018-09-06T17:00'),
      ],
      '2018-09-30',
      'approved',
    ],
  ])('%s', (_name, events, asOf, expected) => {
    expect(stageOf({ events }, asOf)).toBe(expected);
  });
});

describe('edge cases of the timeline', () => {
  it('sorts events written out of order', () => {
    const events = [
      ev('change-board-vote', '2018-08-22', { outcome: 'approved' }),
      ev('raised', '2018-03-01'),
      ev('dmr-presented', '2018-07-13'),
    ];
    expect(timeline({ events }).map((e) => e.type)).toEqual(['raised', 'dmr-presented', 'change-board-vote']);
    expect(stageOf({ events }, '2018-08-31')).toBe('approved');
  });

  it('keeps the written order for events on the same day', () => {
    const events = [
      ev('imr-presented', '2018-08-10', { outcome: 'report-phase' }),
      ev('dmr-presented', '2018-08-10'),
      ev('fmr-issued', '2018-08-10'),
    ];
    expect(stageOf({ events }, '2018-08-10')).toBe('change-board');
    const reversed = [...events].reverse();
    expect(stageOf({ events: reversed }, '2018-08-10')).toBe('report-phase');
  });

  it('ignores events after the day asked about', () => {
    const events = [
      ev('raised', '2018-03-01'),
      ev('change-board-vote', '2018-08-22', { outcome: 'approved' }),
    ];
    expect(stageOf({ events }, '2018-08-21')).toBe('development');
    expect(stageOf({ events }, '2018-08-22')).toBe('approved');
  });

  it('counts a month-only event from the end of its month', () => {
    const events = [ev('raised', '2018-03-01'), ev('withdrawn', '2018-08')];
    expect(stageOf({ events }, '2018-08-30')).toBe('development');
    expect(stageOf({ events }, '2018-08-31')).toBe('withdrawn');
  });

  it('resumes the stage it was withdrawn from when another Party adopts it', () => {
    const events = [
      ev('raised', '2018-03-01'),
      ev('refinement-started', '2018-04-01'),
      ev('withdrawn', '2018-08-20'),
      ev('adopted', '2018-09-01'),
    ];
    expect(stageOf({ events }, '2018-08-25')).toBe('withdrawn');
    expect(stageAsOf({ events }, '2018-08-25').withdrawnFrom).toBe('refinement');
    expect(stageAsOf({ events }, '2018-09-02')).toEqual({ stage: 'refinement', since: '2018-09-01' });
  });

  it('ignores an adoption of a modification that was not withdrawn', () => {
    const events = [ev('raised', '2018-03-01'), ev('adopted', '2018-04-01')];
    expect(stageOf({ events }, '2018-05-01')).toBe('development');
  });

  it('reports when the stage last changed, not when the last event happened', () => {
    const events = [ev('dmr-presented', '2018-07-10'), ev('decision-deferred', '2018-08-10')];
    expect(stageAsOf({ events }, '2018-08-31')).toEqual({ stage: 'report-phase', since: '2018-07-10' });
  });
});

describe('progressOf places the stage on the process steps', () => {
  it.each<[string, ModificationEvent[], ReturnType<typeof progressOf>]>([
    ['unknown', [], undefined],
    ['development', [ev('raised', '2018-01-01')], { step: 0 }],
    ['refinement', [ev('refinement-started', '2018-01-01')], { step: 1 }],
    ['report phase', [ev('dmr-presented', '2018-01-01')], { step: 2 }],
    ['with the Authority', [ev('sent-to-authority', '2018-01-01')], { step: 3 }],
    [
      'rejected',
      [ev('change-board-vote', '2018-01-01', { outcome: 'rejected' })],
      { step: 3, stopped: 'rejected' },
    ],
    ['implemented', [ev('implemented', '2018-01-01')], { step: 4 }],
    [
      'withdrawn in refinement',
      [ev('refinement-started', '2018-01-01'), ev('withdrawn', '2018-02-01')],
      { step: 1, stopped: 'withdrawn' },
    ],
    ['withdrawn with nothing else known', [ev('withdrawn', '2018-02-01')], { step: 0, stopped: 'withdrawn' }],
  ])('%s', (_name, events, expected) => {
    expect(progressOf({ events }, '2018-08-31')).toEqual(expected);
  });
});

const consultation = (id: string, closes: string, modifications: string[]): Entry<Consultation> => ({
  id,
  data: {
    title: id,
    kind: 'modification-report',
    closes,
    summary: 's',
    modifications: modifications.map((m) => ({ collection: 'modifications', id: m })),
  } as Consultation,
});

describe('nextKeyDate', () => {
  const mod = (events: ModificationEvent[], implementationDate?: string) => ({
    id: 'SECMP0009',
    events,
    implementationDate,
  });

  it('is the earliest future event, deadline, consultation close or implementation', () => {
    const m = mod(
      [
        ev('change-board-vote', '2018-08-22', { outcome: 'approved' }),
        ev('referral-period-ends', '2018-09-06T17:00'),
      ],
      '2018-11-01',
    );
    expect(nextKeyDate(m, '2018-08-31')).toEqual({ date: '2018-09-06T17:00', kind: 'referral-period-ends' });
    expect(nextKeyDate(m, '2018-09-07')).toEqual({ date: '2018-11-01', kind: 'implementation' });
    expect(nextKeyDate(m, '2018-11-01')).toBeUndefined();
  });

  it('keeps a deadline as the next key date through its own day', () => {
    const m = mod([ev('adoption-window-closes', '2018-09-06T17:00')]);
    expect(nextKeyDate(m, '2018-09-06')?.kind).toBe('adoption-window-closes');
  });

  it('includes the close of consultations on the modification only', () => {
    const cs = [
      consultation('mrc-9', '2018-09-05', ['SECMP0009']),
      consultation('mrc-41', '2018-09-01', ['SECMP0041']),
    ];
    expect(nextKeyDate(mod([]), '2018-08-31', cs)).toEqual({
      date: '2018-09-05',
      kind: 'consultation-closes',
      consultation: 'mrc-9',
    });
    expect(nextKeyDate(mod([]), '2018-09-05', cs)?.date).toBe('2018-09-05');
    expect(nextKeyDate(mod([]), '2018-09-06', cs)).toBeUndefined();
  });
});

describe('eventsOf adds implementation by a designation', () => {
  it('makes the modification implemented on the designation date', () => {
    const designations: Entry<Designation>[] = [
      {
        id: '5.21',
        data: {
          version: '5.21',
          date: '2018-08-22',
          modifications: [{ collection: 'modifications', id: 'SECMP0044' }],
        },
      },
    ];
    const events = eventsOf({ id: 'SECMP0044', events: [] }, { designations });
    expect(events).toEqual([
      { type: 'implemented', date: '2018-08-22', summary: 'Implemented in SEC version 5.21.' },
    ]);
    expect(stageOf({ events }, '2018-08-31')).toBe('implemented');
    expect(eventsOf({ id: 'SECMP0049', events: [] }, { designations })).toEqual([]);
  });
});
