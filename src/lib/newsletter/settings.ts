/** The email's settings from the site's configuration (no renderer loaded: cheap to import). */
import type { SiteConfig } from '../../config.ts';
import type { EmailSettings } from './render/view.ts';

export type { EmailSettings } from './render/view.ts';

export function emailSettings(config: SiteConfig): EmailSettings {
  return {
    siteUrl: config.url,
    siteName: config.name,
    lang: config.lang,
    contact: config.contact,
    from: config.newsletter.from,
    unsubscribeUrl: config.newsletter.unsubscribeUrl,
    unsubscribeMailto: config.newsletter.send.unsubscribeMailto,
  };
}
