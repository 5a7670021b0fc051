/**
 * Step 4 of the pipeline: what every email must be, checked on the compiled HTML. No
 * script; every link and image absolute (a merge tag, replaced per subscriber, counts as
 * one); every image with alternative text.
 */

export class EmailCheckError extends Error {
  override name = 'EmailCheckError';
}

/** Absolute http(s), mailto and tel URLs, or a merge tag such as `*|UNSUB|*`. */
export const ABSOLUTE_URL = /^(https?:\/\/[^\s]+|mailto:[^\s]+|tel:[^\s]+|\*\|[A-Z_]+\|\*)$/;

/** Every `href` and `src` value in a document. */
export function urlsIn(html: string): string[] {
  return [...html.matchAll(/\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)].map((m) => m[1] ?? m[2] ?? '');
}

/** What is wrong with an email's HTML; empty when nothing is. */
export function emailProblems(html: string): string[] {
  const problems: string[] = [];
  if (/<script\b/i.test(html)) problems.push('it contains a <script>');
  for (const url of urlsIn(html)) {
    if (!ABSOLUTE_URL.test(url.replace(/&amp;/g, '&'))) problems.push(`“${url}” is not an absolute URL`);
  }
  for (const m of html.matchAll(/<img\b[^>]*>/gi)) {
    if (!/\salt\s*=/i.test(m[0])) problems.push(`an image has no alt text: ${m[0].slice(0, 80)}`);
  }
  return problems;
}

export function checkEmail(html: string): void {
  const problems = emailProblems(html);
  if (problems.length) throw new EmailCheckError(`the email is not safe to send: ${problems.join('; ')}`);
}
