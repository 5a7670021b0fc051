import { describe, expect, it } from 'vitest';
import { checkSize, MAX_HTML_BYTES, WARN_HTML_BYTES } from '../../../src/lib/newsletter/render/size.ts';

describe('checkSize', () => {
  it('sets the limits at 102 KB and 90 KB', () => {
    expect([MAX_HTML_BYTES, WARN_HTML_BYTES]).toEqual([102 * 1024, 90 * 1024]);
  });

  it.each<[string, number, boolean]>([
    ['small', 50 * 1024, false],
    ['at the warning line', WARN_HTML_BYTES, false],
    ['above the warning line', WARN_HTML_BYTES + 1, true],
    ['at the limit', MAX_HTML_BYTES, true],
  ])('%s: a warning is %s', (_, bytes, warns) => {
    const result = checkSize('x'.repeat(bytes), '2030-03');
    expect(result.bytes).toBe(bytes);
    expect(result.warning !== undefined).toBe(warns);
  });

  it('fails above the limit, counting UTF-8 bytes', () => {
    expect(() => checkSize('x'.repeat(MAX_HTML_BYTES + 1), '2030-03')).toThrow(
      /the 2030-03 email is 102\.0 KB, over the 102\.0 KB at which Gmail clips it/,
    );
    expect(() => checkSize('é'.repeat(MAX_HTML_BYTES / 2 + 1), '2030-03')).toThrow(/Gmail clips/);
  });
});
