import { describe, expect, it } from 'vitest';
import { reconcile, type LogRecord } from '../../src/lib/send/log.ts';
import { planSend } from '../../src/lib/send/plan.ts';
import type { Subscriber } from '../../src/lib/send/subscribers.ts';

const sub = (key: string, line: number): Subscriber => ({ email: key, key, line });
const list = ['acc', 'fail', 'pend', 'doubt', 'new'].map((k, i) => sub(`${k}@example.com`, i + 2));
const rec = (type: 'attempt' | 'accepted' | 'failed' | 'deferred', key: string, round = 1): LogRecord => {
  const base = { at: '', run: 'r', round, email: `${key}@example.com`, messageId: '<m>', attempt: 1 };
  if (type === 'accepted') return { type, ...base, response: '250' };
  if (type === 'failed') return { type, ...base, error: '550', permanent: true };
  if (type === 'deferred') return { type, ...base, error: '451', retryInMs: 1 };
  return { type, ...base };
};
const log = reconcile([
  rec('attempt', 'acc'),
  rec('accepted', 'acc'),
  rec('attempt', 'fail'),
  rec('failed', 'fail'),
  rec('attempt', 'pend'),
  rec('deferred', 'pend'),
  rec('attempt', 'doubt'),
  // Someone no longer on the list: not sent, not counted.
  rec('attempt', 'gone'),
  rec('accepted', 'gone'),
]);
const keys = (subs: { key: string }[]) => subs.map((s) => s.key.split('@')[0]);

describe('planSend', () => {
  it('resumes: skips the accepted and the rejected, sends the rest in list order', () => {
    const plan = planSend(list, log, { force: false, retryFailed: false });
    expect(plan.round).toBe(1);
    expect(keys(plan.toSend)).toEqual(['pend', 'doubt', 'new']);
    expect(keys(plan.inDoubt)).toEqual(['doubt']);
    expect(keys(plan.retrying)).toEqual(['pend']);
    expect(plan.alreadyAccepted).toBe(1);
    expect(plan.failedBefore.map((f) => f.subscriber.key)).toEqual(['fail@example.com']);
  });

  it('--retry-failed adds the rejected', () => {
    const plan = planSend(list, log, { force: false, retryFailed: true });
    expect(keys(plan.toSend)).toEqual(['fail', 'pend', 'doubt', 'new']);
    expect(plan.failedBefore).toEqual([]);
  });

  it('--force sends to everyone on the list in a new round', () => {
    const plan = planSend(list, log, { force: true, retryFailed: false });
    expect(plan.round).toBe(2);
    expect(keys(plan.toSend)).toEqual(['acc', 'fail', 'pend', 'doubt', 'new']);
    expect(plan.alreadyAccepted).toBe(0);
  });

  it('starts at round 1 with an empty log, and --force on an empty log is round 1 too', () => {
    expect(planSend(list, reconcile([]), { force: false, retryFailed: false }).round).toBe(1);
    expect(planSend(list, reconcile([]), { force: true, retryFailed: false }).round).toBe(1);
  });
});
