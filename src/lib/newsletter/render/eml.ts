/**
 * Step 6 of the pipeline: the message as an RFC 5322 `.eml`, built by nodemailer's
 * MailComposer: multipart/alternative (text, then HTML), Subject, From, Date, a stable
 * Message-ID, and the one-click unsubscribe headers (RFC 2369, RFC 8058). The `To` header
 * is the sender's to add, per subscriber.
 */
import type MailComposer from 'nodemailer/lib/mail-composer';
import type { IsoDate } from '../../dates.ts';

export interface EmlInput {
  month: string;
  subject: string;
  html: string;
  text: string;
  from: { name: string; address: string };
  /** When the message is dated: the issue date, at `sendTime` Europe/London. */
  issueDate: IsoDate;
  /** The subscriber's unsubscribe URL (a merge tag until personalised). */
  unsubscribeUrl: string;
  /** The mailbox of the mailto part of `List-Unsubscribe`. */
  unsubscribeMailto: string;
  /** The site's host, for the Message-ID. */
  host: string;
}

/** The time of day, Europe/London, an issue's message is dated. */
export const SEND_TIME = '09:00';

let clock: Intl.DateTimeFormat | undefined;

/** London's wall clock, made once (a formatter costs more to make than to use). */
function londonClock(): Intl.DateTimeFormat {
  clock ??= new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  });
  return clock;
}

/** The instant a Europe/London wall-clock time falls at. */
export function londonInstant(date: IsoDate, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  // London's offset at that moment: the wall time there of the UTC guess, minus the guess.
  const parts = Object.fromEntries(
    londonClock()
      .formatToParts(new Date(asUtc))
      .map((p) => [p.type, p.value]),
  );
  const wall = Date.UTC(
    Number(parts.year),
    Number(parts.month) - 1,
    Number(parts.day),
    Number(parts.hour),
    Number(parts.minute),
  );
  return new Date(asUtc - (wall - asUtc));
}

/** `List-Unsubscribe`: a mailto (the sender's mailbox by default), and the subscriber's own URL. */
export function listUnsubscribe(mailto: string, unsubscribeUrl: string): string {
  return `<mailto:${mailto}?subject=unsubscribe>, <${unsubscribeUrl}>`;
}

/** nodemailer, loaded on the first message (`issue.json` and its helpers here need none of it). */
let mailComposer: Promise<{ default: typeof MailComposer }> | undefined;

export async function emailEml(input: EmlInput): Promise<Buffer> {
  mailComposer ??= import('nodemailer/lib/mail-composer');
  const { default: Composer } = await mailComposer;
  const composer = new Composer({
    from: { name: input.from.name, address: input.from.address },
    subject: input.subject,
    date: londonInstant(input.issueDate, SEND_TIME),
    messageId: `<newsletter-${input.month}@${input.host}>`,
    // Stable boundaries: the same issue gives the same message.
    baseBoundary: `sec-newsletter-${input.month}`,
    text: input.text,
    html: input.html,
    // What nodemailer would choose for mostly Latin text, without counting every character to choose it.
    textEncoding: 'quoted-printable',
    headers: {
      'List-Unsubscribe': listUnsubscribe(input.unsubscribeMailto, input.unsubscribeUrl),
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    },
  });
  return composer.compile().build();
}
