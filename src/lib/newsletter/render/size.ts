/**
 * Step 7 of the pipeline: the size guard. Gmail clips messages whose HTML exceeds about
 * 102 KB, hiding the rest (and the unsubscribe link) behind “View entire message”.
 */

/** Bytes in a KB, as the limits count them. */
export const KB = 1024;
/** Above this the build fails. */
export const MAX_HTML_BYTES = 102 * KB;
/** Above this the build warns. */
export const WARN_HTML_BYTES = 90 * KB;

export class EmailSizeError extends Error {
  override name = 'EmailSizeError';
}

export const formatKb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`;

/** The size of the HTML in bytes, and a warning if it is close to the limit; throws above it. */
export function checkSize(html: string, month: string): { bytes: number; warning?: string | undefined } {
  const bytes = Buffer.byteLength(html, 'utf8');
  if (bytes > MAX_HTML_BYTES) {
    throw new EmailSizeError(
      `the ${month} email is ${formatKb(bytes)}, over the ${formatKb(MAX_HTML_BYTES)} at which Gmail clips it: shorten the issue (exclude items in content/newsletters/${month}.md) or the templates`,
    );
  }
  return {
    bytes,
    warning:
      bytes > WARN_HTML_BYTES
        ? `the ${month} email is ${formatKb(bytes)}, close to the ${formatKb(MAX_HTML_BYTES)} at which Gmail clips it`
        : undefined,
  };
}
