import { describe, expect, it } from 'vitest';
import { describeSmtpUrl, parseSmtpUrl, SmtpUrlError } from '../../src/lib/send/smtp.ts';

describe('SMTP_URL', () => {
  it.each([
    ['smtp://user:pa%40ss@smtp.example-esp.com:587', 'smtp://smtp.example-esp.com:587 (with credentials)'],
    ['smtps://tok3n:tok3n@smtp.example-esp.com', 'smtps://smtp.example-esp.com:465 (with credentials)'],
    ['smtp://relay.internal', 'smtp://relay.internal:587'],
    ['smtp://user%40example.com:pw@127.0.0.1:2525', 'smtp://127.0.0.1:2525 (with credentials)'],
  ])('%s is shown as %s, with neither user nor password', (value, shown) => {
    expect(describeSmtpUrl(parseSmtpUrl(value))).toBe(shown);
  });

  it.each([
    [undefined, 'SMTP_URL is not set'],
    ['', 'SMTP_URL is not set'],
    ['smtp.example-esp.com:587:hunter2', 'SMTP_URL must start with smtp:// or smtps://'],
    ['http://user:hunter2@smtp.example-esp.com', 'SMTP_URL must start with smtp:// or smtps://'],
    ['not a url hunter2', 'SMTP_URL is not a URL'],
  ])('rejects %j without echoing it', (value, message) => {
    let error: unknown;
    try {
      parseSmtpUrl(value);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SmtpUrlError);
    expect((error as Error).message).toContain(message);
    expect((error as Error).message).not.toContain('hunter2');
  });
});
