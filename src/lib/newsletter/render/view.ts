/**
 * Step 1 of the pipeline: the issue model and the settings the email needs, as the data
 * the templates are filled with. Every object with a site `path` gains `href`, its absolute
 * URL; nothing else of the model changes (dates and Markdown are formatted by the template
 * helpers, where the designer chooses how).
 */
import { absoluteUrl } from '../../site/urls.ts';
import { MERGE_TAGS } from '../merge-tags.ts';
import type { Issue } from '../model.ts';

export interface EmailSettings {
  /** Absolute site URL, without a trailing slash. */
  siteUrl: string;
  /** The site's name. */
  siteName: string;
  lang: string;
  contact: { email: string; phone: string };
  from: { name: string; address: string };
  /** The subscriber's unsubscribe link: a merge tag by default. */
  unsubscribeUrl: string;
  /** The mailbox `List-Unsubscribe` names: the sender's by default. */
  unsubscribeMailto: string;
}

export interface EmailView {
  issue: Issue;
  settings: EmailSettings;
  /** The web version, absolute. */
  webUrl: string;
  /** The site's home page, absolute. */
  homeUrl: string;
  mergeTags: typeof MERGE_TAGS;
}

/** A deep copy in which every object with a site `path` also has `href`, the absolute URL. */
export function withHrefs<T>(value: T, siteUrl: string): T {
  if (Array.isArray(value)) return value.map((v) => withHrefs(v, siteUrl)) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = withHrefs(v, siteUrl);
  const path = (value as { path?: unknown }).path;
  if (typeof path === 'string' && path.startsWith('/')) out.href = absoluteUrl(siteUrl, path);
  return out as T;
}

export function emailView(issue: Issue, settings: EmailSettings): EmailView {
  return {
    issue: withHrefs(issue, settings.siteUrl),
    settings,
    webUrl: absoluteUrl(settings.siteUrl, issue.path),
    homeUrl: absoluteUrl(settings.siteUrl, '/'),
    mergeTags: MERGE_TAGS,
  };
}
