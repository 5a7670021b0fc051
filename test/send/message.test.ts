import { describe, expect, it } from 'vitest';
import type { BuiltIssue } from '../../src/lib/send/issue.ts';
import { buildMessage, messageIdFor, type MessageSettings } from '../../src/lib/send/message.ts';
import { verifyUnsubscribeToken } from '../../src/lib/send/unsubscribe.ts';

const issue: BuiltIssue = {
  month: '2018-08',
  subject: 'SEC Newsletter – August 2018',
  html: '<p>Hi *|NAME|*,</p><p>*|EMAIL|*</p><a href="*|UNSUB|*">Unsubscribe</a>',
  text: 'Hi *|NAME|*,\n*|EMAIL|*\nUnsubscribe: *|UNSUB|*',
  dir: '/nowhere',
};
const settings: MessageSettings = {
  from: { name: 'SECAS', address: 'newsletter@sec-press.example' },
  unsubscribeBase: 'https://sec-press.example/unsubscribe',
  unsubscribeSecret: 'a-secret-of-some-length',
  unsubscribeMailto: 'unsubscribe@sec-press.example',
  siteUrl: 'https://sec-press.example',
};
const ann = { email: 'Ann@example.com', key: 'ann@example.com', name: 'Ann & <Co>', line: 2 };
const bob = { email: 'bob@example.com', key: 'bob@example.com', line: 3 };

describe('messageIdFor', () => {
  const id = messageIdFor('2018-08', 'ann@example.com', 'newsletter@sec-press.example');

  it('is a msg-id on the sender domain that does not show the address', () => {
    expect(id).toMatch(/^<2018-08\.[0-9a-f]{32}@sec-press\.example>$/);
    expect(id).not.toContain('ann');
  });

  it.each([
    [
      'the same issue and address again',
      messageIdFor('2018-08', 'ann@example.com', 'newsletter@sec-press.example'),
      true,
    ],
    [
      'round 1 given explicitly',
      messageIdFor('2018-08', 'ann@example.com', 'newsletter@sec-press.example', 1),
      true,
    ],
    ['another address', messageIdFor('2018-08', 'bob@example.com', 'newsletter@sec-press.example'), false],
    ['another issue', messageIdFor('2018-09', 'ann@example.com', 'newsletter@sec-press.example'), false],
    [
      'a forced second round',
      messageIdFor('2018-08', 'ann@example.com', 'newsletter@sec-press.example', 2),
      false,
    ],
  ])('%s: same id → %s', (_label, other, same) => {
    expect(other === id).toBe(same);
  });

  it('marks later rounds in the id', () => {
    expect(messageIdFor('2018-08', 'ann@example.com', 'n@sec-press.example', 3)).toMatch(
      /^<2018-08\.r3\.[0-9a-f]{32}@sec-press\.example>$/,
    );
  });
});

describe('buildMessage', () => {
  const message = buildMessage(issue, ann, settings);

  it('personalises the HTML (escaped) and the text (as is)', () => {
    expect(message.html).toContain('<p>Hi Ann &amp; &lt;Co&gt;,</p><p>Ann@example.com</p>');
    expect(message.text).toContain('Hi Ann & <Co>,\nAnn@example.com\n');
  });

  it('gives each subscriber a signed unsubscribe link, in the body and the List-Unsubscribe header', () => {
    const [https, mailto] = message.listUnsubscribe;
    const url = new URL(https);
    expect(url.searchParams.get('email')).toBe('Ann@example.com');
    expect(
      verifyUnsubscribeToken(settings.unsubscribeSecret, 'ann@example.com', url.searchParams.get('token')!),
    ).toBe(true);
    expect(message.text).toContain(`Unsubscribe: ${https}`);
    expect(message.html).toContain(`href="${https.replace(/&/g, '&amp;')}"`);
    expect(mailto).toBe('mailto:unsubscribe@sec-press.example?subject=unsubscribe');
    expect(message.headers).toEqual({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });

  it('sends the same subject from the configured sender to everyone', () => {
    const other = buildMessage(issue, bob, settings);
    expect(other.subject).toBe(message.subject);
    expect(other.from).toEqual(settings.from);
    expect(message.to).toEqual({ name: 'Ann & <Co>', address: 'Ann@example.com' });
    expect(other.to).toEqual({ address: 'bob@example.com' });
    expect(other.text).toContain('Hi there,');
    expect(other.messageId).not.toBe(message.messageId);
    expect(message.listId).toEqual({ name: 'SEC newsletter', id: 'newsletter.sec-press.example' });
  });

  it('uses the round in the Message-ID', () => {
    expect(buildMessage(issue, ann, settings, 2).messageId).toBe(
      messageIdFor('2018-08', 'ann@example.com', 'newsletter@sec-press.example', 2),
    );
  });
});
