/**
 * Site-wide settings: the one place for the public URL, contact details and the date the
 * build treats as today. Environment variables override the defaults at build time.
 */
import { londonToday } from './lib/dates.ts';
import { MERGE_TAGS } from './lib/newsletter/merge-tags.ts';

export interface SiteConfig {
  /** Public name of the site. */
  name: string;
  /** Absolute URL the site is served from, without a trailing slash (`SITE_URL`). */
  url: string;
  /** Language of every page and email. */
  lang: string;
  /** SECAS contact details printed in pages and emails. */
  contact: { email: string; phone: string };
  /**
   * The day the build treats as today, for “upcoming”, “open” and derived stages
   * (`SEC_AS_OF`). Production leaves it to the build date; the example content pins it to
   * the day its newsletter was sent, so the example site shows August 2018 as it was.
   */
  asOf: string;
  newsletter: {
    /** Sender of the newsletter email (`NEWSLETTER_FROM`). */
    from: { name: string; address: string };
    /**
     * Unsubscribe link in each email (`NEWSLETTER_UNSUBSCRIBE_URL`): by default a merge tag
     * that the ESP, or `npm run send`, replaces with the subscriber's own link.
     */
    unsubscribeUrl: string;
    /**
     * Delivery by `npm run send` (docs/sending.md). Secrets (`SMTP_URL`,
     * `NEWSLETTER_UNSUBSCRIBE_SECRET`) are read from the environment when sending, never kept here.
     */
    send: {
      /** https URL of the one-click unsubscribe endpoint; each link adds the address and an HMAC token (`NEWSLETTER_UNSUBSCRIBE_BASE`). */
      unsubscribeBase: string;
      /** Mailbox named by the mailto part of `List-Unsubscribe`; the sender's by default, as in the built `.eml` (`NEWSLETTER_UNSUBSCRIBE_MAILTO`). */
      unsubscribeMailto: string;
      /** Messages per second at most (`NEWSLETTER_SEND_RATE`). */
      rate: number;
      /** SMTP connections, so messages in flight, at most (`NEWSLETTER_SEND_CONCURRENCY`). */
      concurrency: number;
      /** Attempts per recipient when failures are transient (`NEWSLETTER_SEND_ATTEMPTS`). */
      maxAttempts: number;
      /** First retry delay in ms, doubled per attempt, with jitter (`NEWSLETTER_SEND_RETRY_MS`). */
      retryBaseMs: number;
      /** SMTP connection and socket timeout in ms (`NEWSLETTER_SEND_TIMEOUT_MS`). */
      timeoutMs: number;
      /** Folder of the per-issue send logs, from the project root (`NEWSLETTER_SEND_LOG_DIR`). */
      logDir: string;
    };
  };
}

/** The date pinned for the example content: the day the August 2018 newsletter went out. */
const EXAMPLE_AS_OF = '2018-08-31';

export function siteConfig(env: Record<string, string | undefined> = process.env): SiteConfig {
  const url = (env.SITE_URL ?? 'https://sec-press.example').replace(/\/+$/, '');
  return {
    name: 'Smart Energy Code',
    url,
    lang: 'en-GB',
    contact: {
      email: env.SECAS_EMAIL ?? 'secas@sec-press.example',
      phone: '020 7090 7755',
    },
    asOf: env.SEC_AS_OF === 'today' ? londonToday() : (env.SEC_AS_OF ?? EXAMPLE_AS_OF),
    newsletter: {
      from: {
        name: env.NEWSLETTER_FROM_NAME ?? 'SECAS',
        address: env.NEWSLETTER_FROM ?? 'newsletter@sec-press.example',
      },
      unsubscribeUrl: env.NEWSLETTER_UNSUBSCRIBE_URL ?? MERGE_TAGS.unsubscribeUrl,
      send: {
        unsubscribeBase: env.NEWSLETTER_UNSUBSCRIBE_BASE ?? `${url}/unsubscribe`,
        unsubscribeMailto:
          env.NEWSLETTER_UNSUBSCRIBE_MAILTO ?? env.NEWSLETTER_FROM ?? 'newsletter@sec-press.example',
        rate: Number(env.NEWSLETTER_SEND_RATE ?? 10),
        concurrency: Number(env.NEWSLETTER_SEND_CONCURRENCY ?? 5),
        maxAttempts: Number(env.NEWSLETTER_SEND_ATTEMPTS ?? 5),
        retryBaseMs: Number(env.NEWSLETTER_SEND_RETRY_MS ?? 2000),
        timeoutMs: Number(env.NEWSLETTER_SEND_TIMEOUT_MS ?? 60_000),
        logDir: env.NEWSLETTER_SEND_LOG_DIR ?? 'send-logs',
      },
    },
  };
}

export const config = siteConfig();
