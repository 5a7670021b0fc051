/** Where each kind of page lives. Ids are lower-case in paths; every path ends in a slash. */

export const modificationUrl = (id: string) => `/modifications/${id.toLowerCase()}/`;
export const meetingUrl = (id: string) => `/meetings/${id.toLowerCase()}/`;
export const bodyUrl = (id: string) => `/governance/${id.toLowerCase()}/`;
export const bodyCalendarUrl = (id: string) => `/meetings/${id.toLowerCase()}.ics`;
export const newsUrl = (id: string) => `/news/${id.toLowerCase()}/`;
export const consultationUrl = (id: string) => `/consultations/${id.toLowerCase()}/`;
export const newsletterUrl = (id: string) => `/newsletters/${id.toLowerCase()}/`;
export const designationUrl = (version: string) => `/designations/#sec-${version.replace(/\./g, '-')}`;
export const pageUrl = (id: string) => `/${id.replace(/\/index$/, '').toLowerCase()}/`;

export const REGISTER_URL = '/modifications/';
export const REGISTER_DOWNLOADS = {
  csv: '/modifications/register.csv',
  xlsx: '/modifications/register.xlsx',
  json: '/modifications/register.json',
} as const;
export const CALENDAR_URL = '/meetings.ics';
export const FEED_URL = '/rss.xml';
export const CONSULTATIONS_FEED_URL = '/consultations/rss.xml';

/** An absolute URL on the site, from the configured site URL (no trailing slash). */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path.replace(/^\/+/, ''), `${siteUrl.replace(/\/+$/, '')}/`).href;
}
