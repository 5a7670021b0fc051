import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { emailEml, listUnsubscribe, londonInstant } from '../../../src/lib/newsletter/render/eml.ts';

describe('londonInstant', () => {
  it.each<[string, string, string]>([
    ['2018-08-31', '09:00', '2018-08-31T08:00:00.000Z'], // British Summer Time
    ['2018-12-03', '09:00', '2018-12-03T09:00:00.000Z'], // Greenwich Mean Time
    ['2018-03-25', '09:00', '2018-03-25T08:00:00.000Z'], // the day the clocks go forward
    ['2018-10-28', '09:00', '2018-10-28T09:00:00.000Z'], // the day they go back
  ])('%s %s in London is %s', (date, time, expected) => {
    expect(londonInstant(date, time).toISOString()).toBe(expected);
  });
});

describe('emailEml', () => {
  const input = {
    month: '2030-03',
    subject: 'SEC Newsletter March 2030 – “quotes” & ünïcode',
    html: '<!doctype html><html><body><p>Hi *|NAME|*, café</p></body></html>',
    text: 'Hi *|NAME|*, café\n',
    from: { name: 'SECAS', address: 'newsletter@sec.example' },
    issueDate: '2030-03-20',
    unsubscribeUrl: 'https://sec.example/unsubscribe?u=*|EMAIL|*',
    unsubscribeMailto: 'unsubscribe@sec.example',
    host: 'sec.example',
  };

  it('parses back into the same subject, parts and headers', async () => {
    const eml = await emailEml(input);
    const mail = await simpleParser(eml);
    expect(mail.subject).toBe(input.subject);
    expect(mail.html).toBe(input.html);
    expect(mail.text).toBe(input.text);
    expect(mail.from?.value).toEqual([{ name: 'SECAS', address: 'newsletter@sec.example' }]);
    expect(mail.date?.toISOString()).toBe('2030-03-20T09:00:00.000Z');
    expect(mail.messageId).toBe('<newsletter-2030-03@sec.example>');
    // Long headers are folded (RFC 5322 2.2.3): unfold them to compare.
    const header = (name: string) =>
      mail.headerLines.find((h) => h.key === name)?.line.replace(/\r?\n(?=[ \t])/g, '');
    expect(header('list-unsubscribe')).toBe(
      'List-Unsubscribe: <mailto:unsubscribe@sec.example?subject=unsubscribe>, <https://sec.example/unsubscribe?u=*|EMAIL|*>',
    );
    expect(header('list-unsubscribe-post')).toBe('List-Unsubscribe-Post: List-Unsubscribe=One-Click');
    expect(
      String(
        mail.headers.get('content-type') && (mail.headers.get('content-type') as { value: string }).value,
      ),
    ).toBe('multipart/alternative');
  });

  it('is the same message every time it is built', async () => {
    expect((await emailEml(input)).toString()).toBe((await emailEml(input)).toString());
  });

  it('listUnsubscribe offers mail and the web', () => {
    expect(listUnsubscribe('n@x.example', '*|UNSUB|*')).toBe(
      '<mailto:n@x.example?subject=unsubscribe>, <*|UNSUB|*>',
    );
  });
});
