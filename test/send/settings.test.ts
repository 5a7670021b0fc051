import { describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/config.ts';
import { resolveSettings } from '../../src/lib/send/settings.ts';

const configured = (env: Record<string, string> = {}) => siteConfig(env).newsletter.send;

describe('resolveSettings', () => {
  it('has working defaults', () => {
    expect(resolveSettings(configured())).toEqual({
      rate: 10,
      concurrency: 5,
      maxAttempts: 5,
      retryBaseMs: 2000,
      timeoutMs: 60_000,
      unsubscribeBase: 'https://sec-press.example/unsubscribe',
      unsubscribeMailto: 'newsletter@sec-press.example',
    });
  });

  it('sends mailto unsubscribes to the sender unless told otherwise', () => {
    expect(resolveSettings(configured({ NEWSLETTER_FROM: 'news@sec.example' })).unsubscribeMailto).toBe(
      'news@sec.example',
    );
    const both = { NEWSLETTER_FROM: 'news@sec.example', NEWSLETTER_UNSUBSCRIBE_MAILTO: 'leave@sec.example' };
    expect(resolveSettings(configured(both)).unsubscribeMailto).toBe('leave@sec.example');
  });

  it('takes the environment, and flags over it', () => {
    const env = {
      NEWSLETTER_SEND_RATE: '2.5',
      NEWSLETTER_SEND_CONCURRENCY: '3',
      NEWSLETTER_SEND_ATTEMPTS: '8',
      NEWSLETTER_UNSUBSCRIBE_BASE: 'https://lists.example.org/u?list=sec',
    };
    expect(resolveSettings(configured(env))).toMatchObject({
      rate: 2.5,
      concurrency: 3,
      maxAttempts: 8,
      unsubscribeBase: 'https://lists.example.org/u?list=sec',
    });
    expect(resolveSettings(configured(env), { rate: '50', concurrency: '7' })).toMatchObject({
      rate: 50,
      concurrency: 7,
    });
  });

  it.each([
    [
      { NEWSLETTER_SEND_RATE: 'fast' },
      {},
      'NEWSLETTER_SEND_RATE must be a number at least 0.01 (not a number)',
    ],
    [{}, { rate: '0' }, '--rate must be a number at least 0.01 (got "0")'],
    [{}, { concurrency: '2.5' }, '--concurrency must be a whole number from 1 to 50 (got "2.5")'],
    [
      { NEWSLETTER_SEND_CONCURRENCY: '0' },
      {},
      'NEWSLETTER_SEND_CONCURRENCY must be a whole number from 1 to 50 (got "0")',
    ],
    [
      { NEWSLETTER_SEND_ATTEMPTS: '0' },
      {},
      'NEWSLETTER_SEND_ATTEMPTS must be a whole number from 1 to 20 (got "0")',
    ],
    [
      { NEWSLETTER_SEND_TIMEOUT_MS: '10' },
      {},
      'NEWSLETTER_SEND_TIMEOUT_MS must be a whole number at least 100 (got "10")',
    ],
    [{ NEWSLETTER_UNSUBSCRIBE_BASE: 'nope' }, {}, 'NEWSLETTER_UNSUBSCRIBE_BASE is not a URL (got "nope")'],
    [
      { NEWSLETTER_UNSUBSCRIBE_BASE: 'http://sec-press.example/u' },
      {},
      'NEWSLETTER_UNSUBSCRIBE_BASE must be an https URL: one-click unsubscribe (RFC 8058) needs one (got "http://sec-press.example/u")',
    ],
    [
      { NEWSLETTER_UNSUBSCRIBE_MAILTO: 'nobody' },
      {},
      'NEWSLETTER_UNSUBSCRIBE_MAILTO: "nobody" is not an email address',
    ],
  ])('rejects %j %j', (env, flags, message) => {
    expect(() => resolveSettings(configured(env), flags)).toThrow(message);
  });
});
