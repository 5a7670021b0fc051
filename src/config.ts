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
    },
  };
}

export const config = siteConfig();
