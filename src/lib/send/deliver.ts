/**
 * Delivers an issue to a list of recipients, each through the same steps:
 *
 *   1. wait for a slot of the rate limit;
 *   2. log `attempt` (fsync'd) — from here until step 4 the message is *in doubt*;
 *   3. hand the message to SMTP;
 *   4. log the outcome (fsync'd): `accepted`, `deferred` (transient, retried after a backoff),
 *      or `failed` (permanent, or transient on the last attempt);
 *
 * with at most `concurrency` recipients between steps 2 and 4 at any time. A fatal failure
 * (credentials, TLS, refused sender), a full disk for the log, or too many failures in a row
 * stops the run: messages in flight finish, nothing new starts. So does `signal` (Ctrl-C).
 */
import type { LogRecord } from './log.ts';
import type { OutgoingMessage } from './message.ts';
import { backoffDelay, classifySmtpError, RateLimiter, type SmtpErrorLike } from './retry.ts';
import type { Subscriber } from './subscribers.ts';

export interface Mailer {
  /** Resolves with the server's reply when it accepted the message; rejects otherwise. */
  send(message: OutgoingMessage): Promise<{ response: string }>;
}

export interface Progress {
  total: number;
  accepted: number;
  /** Given up on in this run: permanent failures and transient ones out of attempts. */
  failed: number;
  /** Not yet accepted or given up on. */
  remaining: number;
}

export interface Clock {
  now(): number;
  /** Waits `ms`, or less if `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  random(): number;
}

export const realClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
  random: Math.random,
};

export interface DeliverOptions {
  recipients: readonly Subscriber[];
  build: (subscriber: Subscriber) => OutgoingMessage;
  mailer: Mailer;
  log: { append(record: LogRecord): Promise<void> };
  run: string;
  round: number;
  concurrency: number;
  /** Messages per second. */
  rate: number;
  maxAttempts: number;
  retryBaseMs: number;
  /** Stop after this many recipients in a row were given up on for reasons other than a refused recipient (default 10). */
  maxConsecutiveFailures?: number;
  onProgress?: (progress: Progress) => void;
  /** Abort to stop starting new messages; those in flight finish and are logged. */
  signal?: AbortSignal;
  clock?: Clock;
}

export interface Failure {
  email: string;
  error: string;
  responseCode?: number;
}

export interface DeliverResult {
  accepted: number;
  /** Rejected permanently (5xx): logged, not sent again unless asked. */
  failed: Failure[];
  /** Not delivered in this run but to be tried again by the next: transient failures out of attempts, and recipients not reached because the run stopped. */
  pending: Failure[];
  /** Retries made after transient failures. */
  retries: number;
  /** Why the run stopped early, if it did. */
  stoppedBecause?: string;
}

const errorFields = (err: SmtpErrorLike & { message?: string; response?: string }) => ({
  error: (err.response ?? err.message ?? String(err)).slice(0, 500),
  ...(err.code ? { code: err.code } : {}),
  ...(typeof err.responseCode === 'number' ? { responseCode: err.responseCode } : {}),
});

export async function deliver(options: DeliverOptions): Promise<DeliverResult> {
  const clock = options.clock ?? realClock;
  const limiter = new RateLimiter(options.rate, clock);
  const maxInARow = options.maxConsecutiveFailures ?? 10;
  const total = options.recipients.length;
  const result: DeliverResult = { accepted: 0, failed: [], pending: [], retries: 0 };
  const stop = new AbortController();
  const halt = (why: string) => {
    result.stoppedBecause ??= why;
    stop.abort();
  };
  if (options.signal?.aborted) halt('stopped before starting');
  options.signal?.addEventListener('abort', () => halt('stopped on request'), { once: true });

  let inARow = 0;
  let gaveUp = 0;
  let next = 0;
  const progress = () =>
    options.onProgress?.({
      total,
      accepted: result.accepted,
      failed: result.failed.length + gaveUp,
      remaining: total - result.accepted - result.failed.length - gaveUp,
    });

  const write = async (record: LogRecord): Promise<boolean> => {
    try {
      await options.log.append(record);
      return true;
    } catch (error) {
      halt(`cannot write the send log: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
  };

  const givenUp = (failure: Failure, permanent: boolean, command: string | undefined) => {
    (permanent ? result.failed : result.pending).push(failure);
    if (!permanent) gaveUp++;
    // A refused recipient (RCPT TO) says nothing about the others, a run of dead addresses
    // is normal; failures anywhere else in a row mean something is wrong for everyone.
    if (command === 'RCPT TO') return;
    inARow++;
    if (inARow >= maxInARow) {
      halt(`${inARow} recipients in a row failed, the last with: ${failure.error}`);
    }
  };

  async function deliverOne(subscriber: Subscriber): Promise<void> {
    const message = options.build(subscriber);
    const base = {
      run: options.run,
      round: options.round,
      email: subscriber.key,
      messageId: message.messageId,
    };
    for (let attempt = 1; ; attempt++) {
      if (stop.signal.aborted) {
        result.pending.push({ email: subscriber.key, error: 'not sent: the run stopped' });
        return;
      }
      await limiter.take();
      if (stop.signal.aborted) {
        result.pending.push({ email: subscriber.key, error: 'not sent: the run stopped' });
        return;
      }
      const at = () => new Date().toISOString();
      if (!(await write({ type: 'attempt', at: at(), ...base, attempt }))) {
        result.pending.push({ email: subscriber.key, error: 'not sent: the send log could not be written' });
        return;
      }
      let info: { response: string };
      try {
        info = await options.mailer.send(message);
      } catch (caught) {
        const err = (caught ?? {}) as SmtpErrorLike & { message?: string; response?: string };
        const kind = classifySmtpError(err);
        const fields = errorFields(err);
        const failure = { email: subscriber.key, ...fields };
        if (kind === 'transient' && attempt < options.maxAttempts && !stop.signal.aborted) {
          const retryInMs = backoffDelay(attempt, options.retryBaseMs, clock.random());
          if (!(await write({ type: 'deferred', at: at(), ...base, attempt, ...fields, retryInMs }))) {
            result.pending.push(failure);
            return;
          }
          result.retries++;
          await clock.sleep(retryInMs, stop.signal);
          continue;
        }
        const permanent = kind === 'permanent';
        if (!(await write({ type: 'failed', at: at(), ...base, attempt, ...fields, permanent }))) {
          result.pending.push(failure);
          return;
        }
        if (kind === 'fatal') {
          result.pending.push(failure);
          halt(`the SMTP server refused the run: ${fields.error}`);
        } else {
          givenUp(failure, permanent, err.command);
        }
        progress();
        return;
      }
      if (!(await write({ type: 'accepted', at: at(), ...base, attempt, response: info.response }))) {
        // Delivered, but not recorded: the next run sees it in doubt and sends it again.
        result.accepted++;
        return;
      }
      result.accepted++;
      inARow = 0;
      progress();
      return;
    }
  }

  async function worker(): Promise<void> {
    while (next < total) {
      const subscriber = options.recipients[next++];
      if (!subscriber) break;
      if (stop.signal.aborted) {
        result.pending.push({ email: subscriber.key, error: 'not sent: the run stopped' });
        continue;
      }
      await deliverOne(subscriber);
    }
  }

  progress();
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency, total)) }, worker));
  return result;
}
