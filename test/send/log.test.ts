import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  parseSendLog,
  readSendLog,
  reconcile,
  SendLogWriter,
  type LogRecord,
  type RecipientState,
} from '../../src/lib/send/log.ts';
import { scratch } from './support/cli.ts';

const at = '2026-01-01T00:00:00.000Z';
const base = (email: string, round = 1) => ({
  at,
  run: 'r',
  round,
  email,
  messageId: `<${email}>`,
  attempt: 1,
});
const attempt = (email: string, round = 1): LogRecord => ({ type: 'attempt', ...base(email, round) });
const accepted = (email: string, round = 1): LogRecord => ({
  type: 'accepted',
  ...base(email, round),
  response: '250 OK',
});
const deferred = (email: string): LogRecord => ({
  type: 'deferred',
  ...base(email),
  error: '451',
  retryInMs: 10,
});
const failed = (email: string, permanent: boolean): LogRecord => ({
  type: 'failed',
  ...base(email),
  error: permanent ? '550' : '451',
  permanent,
});
const run = (round: number): LogRecord => ({
  type: 'run',
  at,
  run: 'r',
  round,
  issue: '2018-08',
  pid: 1,
  subject: 's',
  recipients: 1,
  force: round > 1,
});

describe('reconcile', () => {
  it.each<[string, LogRecord[], RecipientState | undefined]>([
    ['nothing logged', [], undefined],
    ['attempt only: in doubt', [attempt('a')], 'in-doubt'],
    ['attempt, accepted', [attempt('a'), accepted('a')], 'accepted'],
    ['attempt, deferred: pending', [attempt('a'), deferred('a')], 'pending'],
    ['deferred, then attempt again: in doubt', [attempt('a'), deferred('a'), attempt('a')], 'in-doubt'],
    ['failed permanently', [attempt('a'), failed('a', true)], 'failed'],
    ['failed transiently, out of attempts: pending', [attempt('a'), failed('a', false)], 'pending'],
    [
      'failed permanently, retried and accepted',
      [attempt('a'), failed('a', true), attempt('a'), accepted('a')],
      'accepted',
    ],
    [
      'an acceptance is final, whatever follows',
      [attempt('a'), accepted('a'), attempt('a'), failed('a', true)],
      'accepted',
    ],
  ])('%s → %s', (_label, records, state) => {
    expect(reconcile([run(1), ...records]).recipients.get('a')?.state).toBe(state);
  });

  it('reads only the latest round: --force starts again from nothing', () => {
    const state = reconcile([
      run(1),
      attempt('a'),
      accepted('a'),
      attempt('b'),
      accepted('b'),
      run(2),
      attempt('a', 2),
    ]);
    expect(state.round).toBe(2);
    expect(state.recipients.get('a')?.state).toBe('in-doubt');
    expect(state.recipients.has('b')).toBe(false);
  });

  it('is round 0 for an empty log', () => {
    expect(reconcile([]).round).toBe(0);
  });
});

describe('parseSendLog', () => {
  it('keeps whole lines and reports a line cut short or not a record', () => {
    const text = [
      JSON.stringify(run(1)),
      'not json',
      JSON.stringify({ type: 'attempt' }),
      JSON.stringify(accepted('a')),
      '{"type":"acc',
    ].join('\n');
    const { records, unreadable } = parseSendLog(text);
    expect(records.map((r) => r.type)).toEqual(['run', 'accepted']);
    expect(unreadable.map((u) => u.line)).toEqual([2, 3, 5]);
    expect(unreadable[1]?.reason).toBe('not a send log record');
    expect(unreadable[2]?.reason).toBe('unfinished last line (the process stopped while writing it)');
  });
});

describe('SendLogWriter', () => {
  let work: Awaited<ReturnType<typeof scratch>>;
  beforeEach(async () => {
    work = await scratch();
  });
  afterEach(() => work.cleanup());

  it('creates the folder and appends each record as one line, all of them under concurrent appends', async () => {
    const file = path.join(work.dir, 'logs', 'deep', '2018-08.jsonl');
    const writer = await SendLogWriter.open(file);
    const records = Array.from({ length: 200 }, (_, i) => accepted(`r${i}@example.com`));
    await Promise.all(records.map((r) => writer.append(r)));
    await writer.close();
    const text = await readFile(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    expect((await readSendLog(file)).records).toEqual(records);
  });

  it('resolves an append only once the line is in the file', async () => {
    const file = path.join(work.dir, 'l.jsonl');
    const writer = await SendLogWriter.open(file);
    await writer.append(attempt('a'));
    expect(parseSendLog(await readFile(file, 'utf8')).records).toEqual([attempt('a')]);
    await writer.append(accepted('a'));
    expect(parseSendLog(await readFile(file, 'utf8')).records).toEqual([attempt('a'), accepted('a')]);
    await writer.close();
  });

  it('drops a line left unfinished by a crash before appending', async () => {
    const file = path.join(work.dir, 'l.jsonl');
    await writeFile(file, `${JSON.stringify(attempt('a'))}\n{"type":"accep`);
    const writer = await SendLogWriter.open(file);
    await writer.append(attempt('a'));
    await writer.close();
    const { records, unreadable } = await readSendLog(file);
    expect(unreadable).toEqual([]);
    expect(records).toEqual([attempt('a'), attempt('a')]);
  });

  it('reads a log that does not exist as empty', async () => {
    expect(await readSendLog(path.join(work.dir, 'none.jsonl'))).toEqual({ records: [], unreadable: [] });
  });
});
