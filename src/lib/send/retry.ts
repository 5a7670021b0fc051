/**
 * How a failed SMTP attempt is treated, how long to wait before the next, and how fast
 * messages may go.
 */

/** What an SMTP failure means for the recipient and for the run. */
export type FailureKind =
  /** Try again later: 4xx replies, dropped connections, timeouts. */
  | 'transient'
  /** This recipient will not take the message: 5xx replies. Logged and skipped. */
  | 'permanent'
  /** Nothing can be sent until someone acts (credentials, TLS, sender refused): stop the run. */
  | 'fatal';

/** The fields of a nodemailer error that matter here. */
export interface SmtpErrorLike {
  code?: string | undefined;
  responseCode?: number | undefined;
  /** Set by nodemailer from the reply code (5xx except 503). */
  permanent?: boolean | undefined;
  /** The SMTP command that was answered: `MAIL FROM`, `RCPT TO`, `DATA`… */
  command?: string | undefined;
}

const FATAL_CODES = new Set(['EAUTH', 'ENOAUTH', 'EOAUTH2', 'ETLS', 'EREQUIRETLS', 'ECONFIG', 'EPROXY']);

export function classifySmtpError(err: SmtpErrorLike): FailureKind {
  if (err.code && FATAL_CODES.has(err.code)) return 'fatal';
  const reply = err.responseCode;
  if (typeof reply === 'number' && reply >= 400) {
    const permanent = err.permanent ?? (reply >= 500 && reply !== 503);
    if (!permanent) return 'transient';
    // A refused sender is refused for every recipient: do not burn through the list.
    if (err.command === 'MAIL FROM') return 'fatal';
    return 'permanent';
  }
  // No reply: the connection dropped, timed out or could not be opened, or the server said
  // something we could not read. Another connection may do better.
  return 'transient';
}

/**
 * Delay before attempt `attempt + 1` after `attempt` failed transiently: exponential from
 * `baseMs`, capped at `maxMs`, with “equal jitter” (half fixed, half random) so that workers
 * failing together do not come back together. `random` is in [0, 1).
 */
export function backoffDelay(attempt: number, baseMs: number, random: number, maxMs = 5 * 60_000): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (ceiling / 2) * random);
}

/**
 * At most `perSecond` messages per second, evenly spaced: each caller of `take()` gets the
 * next free slot and waits for it. Retries take slots too, so the server sees the limit.
 */
export class RateLimiter {
  private next = 0;
  private readonly interval: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;

  constructor(
    perSecond: number,
    clock: { now: () => number; sleep: (ms: number) => Promise<void> } = {
      now: () => performance.now(),
      sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    },
  ) {
    this.interval = 1000 / perSecond;
    this.now = clock.now;
    this.sleep = clock.sleep;
  }

  /** Resolves when the caller may send; returns how long it waited (ms). */
  async take(): Promise<number> {
    const now = this.now();
    const slot = Math.max(now, this.next);
    this.next = slot + this.interval;
    const wait = slot - now;
    if (wait > 0) await this.sleep(wait);
    return wait;
  }
}
