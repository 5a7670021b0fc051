/**
 * One Subscriber's message: the issue's HTML and text with the merge tags replaced, the same
 * subject for everyone, one-click unsubscribe headers (RFC 2369, RFC 8058) and a Message-ID
 * that is the same on every attempt to deliver this issue to this Subscriber.
 */
import { createHash } from 'node:crypto';
import { personalise } from '../newsletter/merge-tags.ts';
import type { BuiltIssue } from './issue.ts';
import type { Subscriber } from './subscribers.ts';
import { unsubscribeMailto, unsubscribeUrl } from './unsubscribe.ts';

export interface Address {
  name: string;
  address: string;
}

/** What is handed to the SMTP transport; plain data, so building it is testable. */
export interface OutgoingMessage {
  from: Address;
  to: { name?: string; address: string };
  subject: string;
  html: string;
  text: string;
  /** `<…@domain>`. */
  messageId: string;
  /** `List-Unsubscribe` targets, https first. */
  listUnsubscribe: [https: string, mailto: string];
  /** `List-Id`, a domain-like identifier of the newsletter. */
  listId: { name: string; id: string };
  headers: Record<string, string>;
}

export interface MessageSettings {
  from: Address;
  /** https base of the one-click endpoint. */
  unsubscribeBase: string;
  unsubscribeSecret: string;
  /** Mailbox for mailto unsubscribes. */
  unsubscribeMailto: string;
  /** Public site URL; its host names the list (`List-Id`). */
  siteUrl: string;
}

const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

/**
 * `<2018-08.<hash>@sender-domain>`: derived from the issue, the round and the Subscriber's
 * address only, so a retry or a resumed run sends the very same id (receiving systems that
 * de-duplicate by Message-ID then drop a repeat), while `--force`, which starts round 2, sends
 * new ids that are not mistaken for the first delivery. The address is hashed, not shown.
 */
export function messageIdFor(issue: string, key: string, senderAddress: string, round = 1): string {
  const hash = createHash('sha256').update(`${issue}\n${key}`).digest('hex').slice(0, 32);
  const prefix = round > 1 ? `${issue}.r${round}` : issue;
  return `<${prefix}.${hash}@${domainOf(senderAddress)}>`;
}

export function buildMessage(
  issue: BuiltIssue,
  subscriber: Subscriber,
  settings: MessageSettings,
  round = 1,
): OutgoingMessage {
  const unsubscribe = unsubscribeUrl(settings.unsubscribeBase, settings.unsubscribeSecret, subscriber.email);
  const values = { name: subscriber.name, email: subscriber.email, unsubscribeUrl: unsubscribe };
  const host = new URL(settings.siteUrl).hostname;
  return {
    from: settings.from,
    to: { ...(subscriber.name ? { name: subscriber.name } : {}), address: subscriber.email },
    subject: issue.subject,
    html: personalise(issue.html, values, 'html'),
    text: personalise(issue.text, values, 'text'),
    messageId: messageIdFor(issue.month, subscriber.key, settings.from.address, round),
    listUnsubscribe: [unsubscribe, unsubscribeMailto(settings.unsubscribeMailto)],
    listId: { name: 'SEC newsletter', id: `newsletter.${host}` },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
