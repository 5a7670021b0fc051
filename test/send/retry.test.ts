import { describe, expect, it } from 'vitest';
import {
  backoffDelay,
  classifySmtpError,
  RateLimiter,
  type SmtpErrorLike,
} from '../../src/lib/send/retry.ts';

describe('classifySmtpError', () => {
  it.each<[string, SmtpErrorLike, string]>([
    [
      '550 to RCPT TO (no such user)',
      { code: 'EENVELOPE', responseCode: 550, permanent: true, command: 'RCPT TO' },
      'permanent',
    ],
    [
      '552 after DATA (too big)',
      { code: 'EMESSAGE', responseCode: 552, permanent: true, command: 'DATA' },
      'permanent',
    ],
    ['554 without nodemailer’s permanent flag', { responseCode: 554 }, 'permanent'],
    [
      '451 greylisting',
      { code: 'EENVELOPE', responseCode: 451, permanent: false, command: 'RCPT TO' },
      'transient',
    ],
    ['421 service closing', { responseCode: 421, permanent: false }, 'transient'],
    ['452 after DATA', { code: 'EMESSAGE', responseCode: 452 }, 'transient'],
    ['503 bad sequence (a session problem)', { responseCode: 503, permanent: false }, 'transient'],
    ['connection dropped', { code: 'ECONNECTION' }, 'transient'],
    ['socket error', { code: 'ESOCKET' }, 'transient'],
    ['timeout', { code: 'ETIMEDOUT' }, 'transient'],
    ['DNS failure', { code: 'EDNS' }, 'transient'],
    ['something unknown', {}, 'transient'],
    [
      '550 to MAIL FROM (sender refused)',
      { code: 'EENVELOPE', responseCode: 550, permanent: true, command: 'MAIL FROM' },
      'fatal',
    ],
    ['bad credentials', { code: 'EAUTH', responseCode: 535, command: 'AUTH PLAIN' }, 'fatal'],
    ['TLS failure', { code: 'ETLS' }, 'fatal'],
    ['TLS required but not offered', { code: 'EREQUIRETLS' }, 'fatal'],
  ])('%s → %s', (_label, err, kind) => {
    expect(classifySmtpError(err)).toBe(kind);
  });
});

describe('backoffDelay', () => {
  it.each([
    [1, 1000, 500, 1000],
    [2, 1000, 1000, 2000],
    [3, 1000, 2000, 4000],
    [6, 1000, 16_000, 32_000],
    [20, 1000, 150_000, 300_000],
  ])('after attempt %i with base %i: from %i to %i ms', (attempt, base, min, max) => {
    expect(backoffDelay(attempt, base, 0)).toBe(min);
    expect(backoffDelay(attempt, base, 0.999999)).toBe(max);
    const mid = backoffDelay(attempt, base, 0.5);
    expect(mid).toBeGreaterThan(min);
    expect(mid).toBeLessThan(max);
  });
});

describe('RateLimiter', () => {
  function fakeClock() {
    let now = 0;
    const slept: number[] = [];
    return {
      slept,
      advance: (ms: number) => (now += ms),
      clock: { now: () => now, sleep: async (ms: number) => void slept.push(ms) },
    };
  }

  it('spaces messages evenly at the rate, however many ask at once', async () => {
    const { clock } = fakeClock();
    const limiter = new RateLimiter(10, clock);
    const waits = await Promise.all(Array.from({ length: 5 }, () => limiter.take()));
    expect(waits).toEqual([0, 100, 200, 300, 400]);
  });

  it('does not save up unused slots for a burst after a pause', async () => {
    const { clock, advance } = fakeClock();
    const limiter = new RateLimiter(4, clock);
    await limiter.take();
    advance(10_000);
    expect(await limiter.take()).toBe(0);
    expect(await limiter.take()).toBe(250);
  });
});
