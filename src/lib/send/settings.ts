/**
 * The delivery settings of one run: `config.newsletter.send` (environment variables) with
 * command-line flags on top, checked, each mistake named by the variable or flag that set it.
 */
import type { SiteConfig } from '../../config.ts';
import { checkAddress } from './subscribers.ts';

export interface SendSettings {
  rate: number;
  concurrency: number;
  maxAttempts: number;
  retryBaseMs: number;
  timeoutMs: number;
  unsubscribeBase: string;
  unsubscribeMailto: string;
}

export class SettingsError extends Error {
  override name = 'SettingsError';
}

type Configured = SiteConfig['newsletter']['send'];

/** Flags given on the command line, as strings. */
export interface SettingFlags {
  rate?: string | undefined;
  concurrency?: string | undefined;
}

function number(
  value: number | string,
  source: string,
  check: { integer?: boolean; min: number; max?: number },
): number {
  const n = typeof value === 'number' ? value : Number(value);
  const ok =
    Number.isFinite(n) &&
    n >= check.min &&
    (check.max === undefined || n <= check.max) &&
    (!check.integer || Number.isInteger(n));
  if (!ok) {
    const kind = check.integer ? 'a whole number' : 'a number';
    const range = check.max === undefined ? `at least ${check.min}` : `from ${check.min} to ${check.max}`;
    const got = Number.isNaN(n) ? 'not a number' : `got "${value}"`;
    throw new SettingsError(`${source} must be ${kind} ${range} (${got})`);
  }
  return n;
}

export function resolveSettings(configured: Configured, flags: SettingFlags = {}): SendSettings {
  const rate = number(
    flags.rate ?? configured.rate,
    flags.rate !== undefined ? '--rate' : 'NEWSLETTER_SEND_RATE',
    {
      min: 0.01,
    },
  );
  const concurrency = number(
    flags.concurrency ?? configured.concurrency,
    flags.concurrency !== undefined ? '--concurrency' : 'NEWSLETTER_SEND_CONCURRENCY',
    { integer: true, min: 1, max: 50 },
  );
  const maxAttempts = number(configured.maxAttempts, 'NEWSLETTER_SEND_ATTEMPTS', {
    integer: true,
    min: 1,
    max: 20,
  });
  const retryBaseMs = number(configured.retryBaseMs, 'NEWSLETTER_SEND_RETRY_MS', { min: 0 });
  const timeoutMs = number(configured.timeoutMs, 'NEWSLETTER_SEND_TIMEOUT_MS', { integer: true, min: 100 });
  let base: URL;
  try {
    base = new URL(configured.unsubscribeBase);
  } catch {
    throw new SettingsError(`NEWSLETTER_UNSUBSCRIBE_BASE is not a URL (got "${configured.unsubscribeBase}")`);
  }
  if (base.protocol !== 'https:') {
    throw new SettingsError(
      `NEWSLETTER_UNSUBSCRIBE_BASE must be an https URL: one-click unsubscribe (RFC 8058) needs one (got "${configured.unsubscribeBase}")`,
    );
  }
  const mailto = checkAddress(configured.unsubscribeMailto);
  if (!mailto.ok) throw new SettingsError(`NEWSLETTER_UNSUBSCRIBE_MAILTO: ${mailto.reason}`);
  return {
    rate,
    concurrency,
    maxAttempts,
    retryBaseMs,
    timeoutMs,
    unsubscribeBase: base.href,
    unsubscribeMailto: mailto.email,
  };
}
