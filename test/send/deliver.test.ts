/**
 * The delivery loop with a scripted mailer and clock: the order of log lines and sends, the
 * bound on messages in flight, retries, and every way a run stops early.
 */
import { describe, expect, it } from 'vitest';
import { deliver, type Clock, type DeliverOptions, type Mailer } from '../../src/lib/send/deliver.ts';
import type { LogRecord } from '../../src/lib/send/log.ts';
import type { OutgoingMessage } from '../../src/lib/send/message.ts';
import type { Subscriber } from '../../src/lib/send/subscribers.ts';

const subscribers = (count: number): Subscriber[] =>
  Array.from({ length: count }, (_, i) => ({
    email: `r${i}@example.com`,
    key: `r${i}@example.com`,
    line: i + 2,
  }));

const build = (s: Subscriber) =>
  ({ to: { address: s.email }, messageId: `<id-${s.key}>` }) as OutgoingMessage;

const smtpError = (fields: Record<string, unknown>) =>
  Object.assign(new Error(String(fields.response ?? 'failed')), fields);

/** A log that records a line only once its append has resolved, and the sends between. */
function harness(send: (message: OutgoingMessage, n: number) => Promise<{ response: string }>) {
  const events: string[] = [];
  const lines: LogRecord[] = [];
  const sleeps: number[] = [];
  let now = 0;
  let sends = 0;
  const clock: Clock = {
    now: () => now,
    sleep: async (ms) => {
      sleeps.push(ms);
      now += ms;
    },
    random: () => 0.5,
  };
  const mailer: Mailer = {
    send: async (message) => {
      events.push(`send ${message.to.address}`);
      return send(message, sends++);
    },
  };
  const log = {
    append: async (record: LogRecord) => {
      await Promise.resolve();
      lines.push(record);
      if (record.type !== 'run') events.push(`${record.type} ${record.email}`);
    },
  };
  const options = (count: number, extra: Partial<DeliverOptions> = {}): DeliverOptions => ({
    recipients: subscribers(count),
    build,
    mailer,
    log,
    run: 'run-1',
    round: 1,
    concurrency: 1,
    rate: 1000,
    maxAttempts: 4,
    retryBaseMs: 100,
    clock,
    ...extra,
  });
  return { events, lines, sleeps, options };
}

const ok = async () => ({ response: '250 OK' });

describe('deliver', () => {
  it('logs the attempt before handing a message to SMTP and the acceptance before the next', async () => {
    const h = harness(ok);
    const result = await deliver(h.options(2));
    expect(h.events).toEqual([
      'attempt r0@example.com',
      'send r0@example.com',
      'accepted r0@example.com',
      'attempt r1@example.com',
      'send r1@example.com',
      'accepted r1@example.com',
    ]);
    expect(result).toEqual({ accepted: 2, failed: [], pending: [], retries: 0 });
    expect(h.lines[0]).toMatchObject({
      type: 'attempt',
      run: 'run-1',
      round: 1,
      messageId: '<id-r0@example.com>',
      attempt: 1,
    });
    expect(h.lines[1]).toMatchObject({ type: 'accepted', response: '250 OK' });
  });

  it('keeps at most `concurrency` messages in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const h = harness(async () => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((r) => setTimeout(r, 1));
      inFlight--;
      return { response: '250' };
    });
    const result = await deliver(h.options(40, { concurrency: 4 }));
    expect(result.accepted).toBe(40);
    expect(most).toBe(4);
    // Never more than four attempts without an outcome.
    let open = 0;
    for (const e of h.events) {
      if (e.startsWith('attempt')) open++;
      if (e.startsWith('accepted')) open--;
      expect(open).toBeLessThanOrEqual(4);
    }
  });

  it('retries transient failures with growing delays, then delivers', async () => {
    const h = harness(async (_m, n) => {
      if (n < 2)
        throw smtpError({
          code: 'EENVELOPE',
          responseCode: 451,
          response: '451 try later',
          permanent: false,
        });
      return { response: '250' };
    });
    const result = await deliver(h.options(1));
    expect(h.events).toEqual([
      'attempt r0@example.com',
      'send r0@example.com',
      'deferred r0@example.com',
      'attempt r0@example.com',
      'send r0@example.com',
      'deferred r0@example.com',
      'attempt r0@example.com',
      'send r0@example.com',
      'accepted r0@example.com',
    ]);
    expect(result).toMatchObject({ accepted: 1, retries: 2 });
    // Equal jitter with random 0.5: 3/4 of 100, then of 200.
    expect(h.sleeps.filter((ms) => ms >= 50)).toEqual([75, 150]);
    expect(h.lines.filter((l) => l.type === 'deferred')).toMatchObject([
      { attempt: 1, responseCode: 451, code: 'EENVELOPE', error: '451 try later', retryInMs: 75 },
      { attempt: 2, retryInMs: 150 },
    ]);
  });

  it('logs a permanent rejection once and moves on', async () => {
    const h = harness(async (m) => {
      if (m.to.address === 'r1@example.com')
        throw smtpError({ responseCode: 550, response: '550 no such user', permanent: true });
      return { response: '250' };
    });
    const result = await deliver(h.options(3));
    expect(result.accepted).toBe(2);
    expect(result.failed).toEqual([
      { email: 'r1@example.com', error: '550 no such user', responseCode: 550 },
    ]);
    expect(h.events.filter((e) => e.endsWith('r1@example.com'))).toEqual([
      'attempt r1@example.com',
      'send r1@example.com',
      'failed r1@example.com',
    ]);
    expect(h.lines.find((l) => l.type === 'failed')).toMatchObject({ permanent: true, responseCode: 550 });
  });

  it('gives up on a transient failure after the last attempt, leaving it for the next run', async () => {
    const h = harness(async () => {
      throw smtpError({ code: 'ECONNECTION', message: 'Connection closed unexpectedly' });
    });
    const result = await deliver(h.options(1, { maxAttempts: 3 }));
    expect(h.events.filter((e) => e.startsWith('send'))).toHaveLength(3);
    expect(result.pending).toEqual([
      { email: 'r0@example.com', error: 'Connection closed unexpectedly', code: 'ECONNECTION' },
    ]);
    expect(h.lines.at(-1)).toMatchObject({ type: 'failed', permanent: false, attempt: 3 });
  });

  it('stops the whole run when the server refuses the credentials', async () => {
    const h = harness(async () => {
      throw smtpError({ code: 'EAUTH', responseCode: 535, response: '535 Authentication failed' });
    });
    const result = await deliver(h.options(5));
    expect(h.events.filter((e) => e.startsWith('send'))).toHaveLength(1);
    expect(result.stoppedBecause).toBe('the SMTP server refused the run: 535 Authentication failed');
    expect(result.pending.map((p) => p.email)).toEqual(subscribers(5).map((s) => s.key));
    expect(result.failed).toEqual([]);
  });

  it('stops after too many failures in a row, rather than burn through the list', async () => {
    const h = harness(async () => {
      throw smtpError({ responseCode: 554, response: '554 message refused', permanent: true });
    });
    const result = await deliver(h.options(20, { maxConsecutiveFailures: 3 }));
    expect(result.failed).toHaveLength(3);
    expect(result.pending).toHaveLength(17);
    expect(result.stoppedBecause).toBe('3 recipients in a row failed, the last with: 554 message refused');
  });

  it('does not count refused recipients (RCPT TO) as failures in a row: dead addresses are normal', async () => {
    const h = harness(async () => {
      throw smtpError({
        code: 'EENVELOPE',
        responseCode: 550,
        response: '550 no such user',
        permanent: true,
        command: 'RCPT TO',
      });
    });
    const result = await deliver(h.options(20, { maxConsecutiveFailures: 3 }));
    expect(result.stoppedBecause).toBeUndefined();
    expect(result.failed).toHaveLength(20);
  });

  it('an acceptance resets the count of failures in a row', async () => {
    const h = harness(async (m) => {
      if (Number(m.to.address.slice(1, -12)) % 3 === 2) return { response: '250' };
      throw smtpError({ responseCode: 550, response: '550 no', permanent: true });
    });
    const result = await deliver(h.options(12, { maxConsecutiveFailures: 3 }));
    expect(result.stoppedBecause).toBeUndefined();
    expect(result.accepted).toBe(4);
    expect(result.failed).toHaveLength(8);
  });

  it('on a stop request, finishes the messages in flight and starts no more', async () => {
    const stop = new AbortController();
    const h = harness(async (_m, n) => {
      if (n === 2) stop.abort();
      return { response: '250' };
    });
    const result = await deliver(h.options(10, { signal: stop.signal }));
    expect(result.accepted).toBe(3);
    expect(h.events.at(-1)).toBe('accepted r2@example.com');
    expect(result.pending).toHaveLength(7);
    expect(result.stoppedBecause).toBe('stopped on request');
  });

  it('sends nothing it could not log first', async () => {
    const h = harness(ok);
    let appends = 0;
    const log = {
      append: async (record: LogRecord) => {
        if (++appends === 3) throw new Error('ENOSPC: no space left on device');
        h.events.push(`${record.type} ${'email' in record ? record.email : ''}`);
      },
    };
    const result = await deliver(h.options(5, { log }));
    expect(h.events).toEqual(['attempt r0@example.com', 'send r0@example.com', 'accepted r0@example.com']);
    expect(result.stoppedBecause).toBe('cannot write the send log: ENOSPC: no space left on device');
    expect(result.accepted).toBe(1);
    expect(result.pending).toHaveLength(4);
  });

  it('reports progress as recipients are done', async () => {
    const seen: string[] = [];
    const h = harness(async (m) => {
      if (m.to.address === 'r1@example.com') throw smtpError({ responseCode: 550, permanent: true });
      return { response: '250' };
    });
    await deliver(h.options(3, { onProgress: (p) => seen.push(`${p.accepted}/${p.failed}/${p.remaining}`) }));
    expect(seen).toEqual(['0/0/3', '1/0/2', '1/1/1', '2/1/0']);
  });

  it('counts recipients left by a stop as remaining, not failed', async () => {
    const seen: string[] = [];
    const stop = new AbortController();
    const h = harness(async () => {
      stop.abort();
      return { response: '250' };
    });
    await deliver(
      h.options(4, {
        signal: stop.signal,
        onProgress: (p) => seen.push(`${p.accepted}/${p.failed}/${p.remaining}`),
      }),
    );
    expect(seen.at(-1)).toBe('1/0/3');
  });
});
