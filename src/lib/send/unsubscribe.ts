/**
 * Each Subscriber's own unsubscribe link: the configured https endpoint with the address and
 * an HMAC-SHA256 token over it, so the endpoint can unsubscribe in one click (RFC 8058) without
 * a database of tokens, and nobody can unsubscribe an address they only guess. The same
 * address always gets the same link, in every issue; rotating the secret retires old links.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

/** Shortest secret `npm run send` accepts (`NEWSLETTER_UNSUBSCRIBE_SECRET`). */
export const MIN_SECRET_LENGTH = 16;

/** The token for an address, compared in lower case; base64url, 43 characters. */
export function unsubscribeToken(secret: string, email: string): string {
  return createHmac('sha256', secret).update(`unsubscribe\n${email.toLowerCase()}`).digest('base64url');
}

/** For the endpoint: whether a token was issued for this address with this secret. */
export function verifyUnsubscribeToken(secret: string, email: string, token: string): boolean {
  const expected = Buffer.from(unsubscribeToken(secret, email));
  const given = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** `base?email=…&token=…`, keeping any query the base already has. */
export function unsubscribeUrl(base: string, secret: string, email: string): string {
  const url = new URL(base);
  url.searchParams.set('email', email);
  url.searchParams.set('token', unsubscribeToken(secret, email));
  return url.href;
}

/** The mailto form for `List-Unsubscribe`: the message itself comes from the subscriber's address. */
export function unsubscribeMailto(mailbox: string): string {
  return `mailto:${mailbox}?subject=unsubscribe`;
}
