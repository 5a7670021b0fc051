import { describe, expect, it } from 'vitest';
import {
  unsubscribeMailto,
  unsubscribeToken,
  unsubscribeUrl,
  verifyUnsubscribeToken,
} from '../../src/lib/send/unsubscribe.ts';

const SECRET = 'a-secret-of-some-length';

describe('unsubscribe tokens', () => {
  it('are the same for an address in any case, and differ by address and secret', () => {
    const token = unsubscribeToken(SECRET, 'ann@example.com');
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(unsubscribeToken(SECRET, 'Ann@Example.COM')).toBe(token);
    expect(unsubscribeToken(SECRET, 'bob@example.com')).not.toBe(token);
    expect(unsubscribeToken(`${SECRET}!`, 'ann@example.com')).not.toBe(token);
  });

  it.each([
    ['the token of the address', 'ann@example.com', (t: string) => t, true],
    ['the address in another case', 'ANN@example.com', (t: string) => t, true],
    ['another address', 'bob@example.com', (t: string) => t, false],
    [
      'a changed character',
      'ann@example.com',
      (t: string) => `${t.slice(0, -1)}${t.endsWith('A') ? 'B' : 'A'}`,
      false,
    ],
    ['a truncated token', 'ann@example.com', (t: string) => t.slice(0, 20), false],
    ['an empty token', 'ann@example.com', () => '', false],
  ])('verify: %s → %s', (_label, email, tamper, ok) => {
    const token = tamper(unsubscribeToken(SECRET, 'ann@example.com'));
    expect(verifyUnsubscribeToken(SECRET, email, token)).toBe(ok);
  });
});

describe('unsubscribeUrl', () => {
  it('adds the address and its token to the base, keeping the base query', () => {
    const url = new URL(
      unsubscribeUrl('https://sec-press.example/unsubscribe?list=sec', SECRET, 'ann+sec@example.com'),
    );
    expect(url.origin + url.pathname).toBe('https://sec-press.example/unsubscribe');
    expect(url.searchParams.get('list')).toBe('sec');
    expect(url.searchParams.get('email')).toBe('ann+sec@example.com');
    expect(verifyUnsubscribeToken(SECRET, 'ann+sec@example.com', url.searchParams.get('token') ?? '')).toBe(
      true,
    );
    expect(url.href).toContain('email=ann%2Bsec%40example.com');
  });

  it('mailto asks to unsubscribe in the subject', () => {
    expect(unsubscribeMailto('unsubscribe@sec-press.example')).toBe(
      'mailto:unsubscribe@sec-press.example?subject=unsubscribe',
    );
  });
});
