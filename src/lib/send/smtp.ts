/**
 * The SMTP side: a pooled nodemailer transport built from `SMTP_URL`, wrapped as a
 * {@link Mailer}. The URL carries the credentials, so it is never printed: {@link describeSmtpUrl}
 * gives the part that may be shown.
 */
import nodemailer from 'nodemailer';
import type { Mailer } from './deliver.ts';
import type { OutgoingMessage } from './message.ts';

export class SmtpUrlError extends Error {
  override name = 'SmtpUrlError';
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** Checks `SMTP_URL` without ever echoing it (it holds the password). */
export function parseSmtpUrl(value: string | undefined): URL {
  const example = 'e.g. SMTP_URL=smtp://user:pass@smtp.example-esp.com:587';
  if (!value) throw new SmtpUrlError(`SMTP_URL is not set (${example})`);
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new SmtpUrlError(`SMTP_URL is not a URL (${example})`);
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    throw new SmtpUrlError(`SMTP_URL must start with smtp:// or smtps:// (${example})`);
  }
  if (!url.hostname) throw new SmtpUrlError(`SMTP_URL has no host (${example})`);
  return url;
}

/**
 * `smtp://smtp.example-esp.com:587 (with credentials)`: neither password nor user name, which
 * some ESPs make an API token too.
 */
export function describeSmtpUrl(url: URL): string {
  const port = url.port || (url.protocol === 'smtps:' ? '465' : '587');
  const credentials = url.username || url.password ? ' (with credentials)' : '';
  return `${url.protocol}//${url.hostname}:${port}${credentials}`;
}

export interface SmtpSettings {
  /** Connections in the pool: messages in flight at most. */
  concurrency: number;
  /** Connection, greeting and socket timeouts in ms. */
  timeoutMs: number;
}

export interface SmtpMailer extends Mailer {
  close(): void;
}

export function createSmtpMailer(url: URL, settings: SmtpSettings): SmtpMailer {
  const transport = nodemailer.createTransport({
    // nodemailer reads host, port, TLS, credentials and any ?options from the URL itself.
    url: url.href,
    pool: true,
    maxConnections: settings.concurrency,
    maxMessages: 100,
    // Our own retries (logged, with backoff) replace the pool's silent re-queueing.
    maxRequeues: 0,
    // Credentials never cross the network in clear, except to a server on this machine.
    requireTLS: url.protocol === 'smtp:' && !LOOPBACK.has(url.hostname),
    connectionTimeout: settings.timeoutMs,
    greetingTimeout: settings.timeoutMs,
    socketTimeout: settings.timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return {
    async send(message: OutgoingMessage) {
      const info = await transport.sendMail({
        from: message.from,
        to: message.to.name ? { name: message.to.name, address: message.to.address } : message.to.address,
        subject: message.subject,
        html: message.html,
        text: message.text,
        messageId: message.messageId,
        list: {
          unsubscribe: [[...message.listUnsubscribe]],
          id: { url: message.listId.id, comment: message.listId.name },
        },
        headers: message.headers,
      });
      return { response: String(info.response ?? '') };
    },
    close: () => transport.close(),
  };
}
