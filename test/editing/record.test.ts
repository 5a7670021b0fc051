/**
 * `npm run record`: the event an editor asks for, resolved against the content (“sec-panel
 * 60” is SEC Panel meeting 60), dated by default from its meeting or today, and refused
 * with a clear message when it cannot be right.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../../src/cli/run.ts';
import { loadContent } from '../../src/lib/content/load.ts';
import type { Corpus } from '../../src/lib/corpus.ts';
import { parseOptions } from '../../src/lib/editing/args.ts';
import { EditError } from '../../src/lib/editing/errors.ts';
import { planEvent, RECORD_SPEC, stageChange } from '../../src/lib/editing/record.ts';
import { resolveBody, resolveMeeting, resolveModification } from '../../src/lib/editing/resolve.ts';

let corpus: Corpus;
beforeAll(async () => {
  corpus = (await loadContent(PROJECT_ROOT)).corpus;
});

const TODAY = '2018-09-03';
function plan(args: string[]) {
  const { values, positionals } = parseOptions(RECORD_SPEC, args);
  return planEvent({ corpus, today: TODAY }, positionals[0], positionals[1], values);
}

describe('finding what the editor names', () => {
  it.each([
    ['2018-08-10-sec-panel', '2018-08-10-sec-panel'],
    ['sec-panel 60', '2018-09-14-sec-panel'],
    ['SEC Panel 60', '2018-09-14-sec-panel'],
    ['SEC Panel meeting 60', '2018-09-14-sec-panel'],
    ['ssc 62', '2018-09-12-ssc'],
    ['Security Sub-Committee 63', '2018-09-26-ssc'],
    ['tag 2018-09-06', '2018-09-06-tag'],
    ['change-board 2018-08-22', '2018-08-22-change-board'],
  ])('meeting %j is %s', (given, id) => {
    expect(resolveMeeting(corpus, given).id).toBe(id);
  });

  it.each([
    [
      'sec-panel 61',
      'no SEC Panel meeting 61 in content/meetings/; its numbered meetings: 60 (2018-09-14-sec-panel)',
    ],
    ['ssc 2018-08-09', 'no SSC meeting on 2018-08-09'],
    ['2018-08-10-sec-panl', 'did you mean “2018-08-10-sec-panel”?'],
    ['panel 60', 'no body “panel”; did you mean “sec-panel”?'],
    ['nonsense', "give a meeting's id"],
  ])('meeting %j: %s', (given, message) => {
    expect(() => resolveMeeting(corpus, given)).toThrow(EditError);
    expect(() => resolveMeeting(corpus, given)).toThrow(message);
  });

  it.each([
    ['SECMP0049', 'SECMP0049'],
    ['secmp0049', 'SECMP0049'],
    [' SECMP0009 ', 'SECMP0009'],
  ])('modification %j is %s', (given, id) => {
    expect(resolveModification(corpus, given).id).toBe(id);
  });

  it('a modification by an alias', () => {
    const aliased = {
      ...corpus.modifications[0]!,
      data: { ...corpus.modifications[0]!.data, aliases: ['MP049'] },
    };
    expect(resolveModification({ modifications: [aliased] }, 'mp049').id).toBe(aliased.id);
  });

  it.each([
    ['TABASC', 'tabasc'],
    ['Technical Architecture and Business Architecture Sub-Committee', 'tabasc'],
    ['ops group', 'ops-group'],
  ])('body %j is %s', (given, id) => {
    expect(resolveBody(corpus, given).id).toBe(id);
  });
});

describe('the event recorded', () => {
  it.each([
    // “DMR presented at SEC Panel meeting 60”: dated by the meeting.
    [
      ['SECMP0009', 'dmr-presented', '--meeting', 'sec-panel 60'],
      { type: 'dmr-presented', date: '2018-09-14', meeting: '2018-09-14-sec-panel' },
    ],
    // No date, no meeting: today in Europe/London.
    [
      ['SECMP0049', 'authority-decision', '--outcome', 'Approved'],
      { type: 'authority-decision', date: TODAY, outcome: 'approved' },
    ],
    [
      ['secmp0006', 'note', '--summary', 'TABASC agreed a way forward.'],
      { type: 'note', date: TODAY, summary: 'TABASC agreed a way forward.' },
    ],
  ])('%j', (args, event) => {
    expect(plan(args).event).toEqual(event);
  });

  it('every event of the August 2018 content can be recorded with one command', () => {
    // The same corpus with every timeline empty, as before the events were recorded.
    const bare: Corpus = {
      ...corpus,
      modifications: corpus.modifications.map((m) => ({ ...m, data: { ...m.data, events: [] } })),
    };
    let n = 0;
    for (const m of corpus.modifications) {
      for (const e of m.data.events) {
        const args = [m.id, e.type, '--date', e.date];
        if (e.meeting) args.push('--meeting', e.meeting.id);
        if (e.outcome) args.push('--outcome', e.outcome);
        if (e.solution) args.push('--solution', e.solution);
        if (e.summary) args.push('--summary', e.summary);
        const { values, positionals } = parseOptions(RECORD_SPEC, args);
        const planned = planEvent({ corpus: bare, today: TODAY }, positionals[0], positionals[1], values);
        expect(planned.event).toEqual({ ...e, ...(e.meeting ? { meeting: e.meeting.id } : {}) });
        n++;
      }
    }
    expect(n).toBeGreaterThanOrEqual(20);
  });

  it.each([
    [['SECMP0009'], 'give the modification and the event'],
    [['SECMP0100', 'raised'], 'no modification “SECMP0100”'],
    [['SECMP0009', 'dmr-presentd'], '“dmr-presentd” is not an event type; did you mean “dmr-presented”?'],
    [
      ['SECMP0009', 'change-board-vote'],
      'a change-board-vote event needs --outcome: one of approved, rejected',
    ],
    [['SECMP0009', 'change-board-vote', '--outcome', 'aproved'], 'did you mean “approved”?'],
    [
      ['SECMP0009', 'imr-presented', '--outcome', 'approved'],
      '--outcome “approved” is not one of refinement, report-phase',
    ],
    [['SECMP0009', 'raised', '--outcome', 'approved'], 'a raised event has no outcome'],
    [['SECMP0009', 'note'], 'a note needs --summary'],
    [['SECMP0009', 'raised', '--date', '31/08/2018'], 'did you mean 2018-08-31?'],
    [['SECMP0009', 'raised', '--date', '2018-02-30'], 'February 2018 has no day 30'],
    [
      ['SECMP0009', 'raised', '--solution', 'other'],
      '--solution “other” is not one of proposed, alternative',
    ],
    [['SECMP0009', 'dmr-presented', '--meeting', 'sec-panel 59'], 'no SEC Panel meeting 59'],
    [
      ['SECMP0009', 'dmr-presented', '--meeting', '2018-08-10-sec-panel'],
      'SECMP0009 already has dmr-presented on 2018-08-10',
    ],
  ])('%j is refused: %s', (args, message) => {
    expect(() => plan(args)).toThrow(EditError);
    expect(() => plan(args)).toThrow(message);
  });

  it.each([
    [['SECMP0057', 'dmr-presented', '--meeting', 'sec-panel 60'], 'Refinement Process', 'Report Phase'],
    [
      ['SECMP0049', 'authority-decision', '--outcome', 'approved', '--date', '2018-10-01'],
      'With the Authority',
      'Approved',
    ],
    [['SECMP0006', 'raised', '--date', '2018-03'], 'Not recorded', 'Development Stage'],
  ])('%j moves the stage from %s to %s', (args, before, after) => {
    expect(stageChange({ corpus }, plan(args))).toEqual({ before, after });
  });
});
