/**
 * Merge tags: placeholders the newsletter carries for what differs per subscriber. An ESP
 * replaces them when it sends (the defaults are Mailchimp's syntax, which most ESPs accept
 * or can map); `npm run send` replaces them itself with {@link personalise}.
 */
export const MERGE_TAGS = {
  /** The subscriber's name; “there” when unknown (“Hi there,”). */
  name: '*|NAME|*',
  /** The subscriber's email address. */
  email: '*|EMAIL|*',
  /** The subscriber's own one-click unsubscribe URL. */
  unsubscribeUrl: '*|UNSUB|*',
} as const;

export type MergeValues = { [K in keyof typeof MERGE_TAGS]?: string | undefined };

/** Fallbacks for values a subscriber list may not have. */
export const MERGE_FALLBACKS: MergeValues = { name: 'there' };

const escapeHtml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Replaces every merge tag in an email body; values are HTML-escaped for the HTML part. */
export function personalise(body: string, values: MergeValues, format: 'html' | 'text'): string {
  let out = body;
  for (const [key, tag] of Object.entries(MERGE_TAGS) as [keyof typeof MERGE_TAGS, string][]) {
    const value = values[key] ?? MERGE_FALLBACKS[key] ?? '';
    out = out.split(tag).join(format === 'html' ? escapeHtml(value) : value);
  }
  return out;
}
