/**
 * A Vite plugin that makes Astro's content data store quick to load in a large build.
 *
 * Astro bundles its content layer's store as one module, `export default JSON.parse("…")`,
 * whose string literal holds every entry (about 48 MB at 10,000 entries). V8 compiles one
 * string literal in time that grows much faster than its length: the 10,000-entry store took
 * 25–50 s to compile on our 2-core machine, where the same text as 1 MB literals joined at run
 * time takes about 3 s. The plugin rewrites the module into that form; the value is the same.
 * Code of any other shape is left as it is.
 */
import type { Plugin } from 'vite';

/** Astro's id for the store module (`RESOLVED_DATA_STORE_VIRTUAL_ID` in `astro/dist/content/consts.js`). */
export const DATA_STORE_MODULE_ID = '\0astro:data-layer-content';

const PREFIX = 'export default JSON.parse(';
const SUFFIX = ')';

/** Length of each piece of the literal, in UTF-16 code units. */
export const PIECE_LENGTH = 1 << 20;

/**
 * `export default JSON.parse("<long>")` as `export default JSON.parse(["<piece>", …].join(""))`,
 * or `undefined` when the code has another shape or the literal is short already.
 */
export function splitStoreLiteral(code: string, pieceLength = PIECE_LENGTH): string | undefined {
  const source = code.trim();
  if (!source.startsWith(PREFIX) || !source.endsWith(SUFFIX)) return undefined;
  let text: unknown;
  try {
    // The argument must be exactly one string literal in JSON's syntax (JSON.stringify made it).
    text = JSON.parse(source.slice(PREFIX.length, -SUFFIX.length));
  } catch {
    return undefined;
  }
  if (typeof text !== 'string' || text.length <= pieceLength) return undefined;
  const pieces: string[] = [];
  for (let start = 0; start < text.length;) {
    let end = Math.min(start + pieceLength, text.length);
    // Keep a surrogate pair in one piece.
    const last = text.charCodeAt(end - 1);
    if (end < text.length && last >= 0xd800 && last <= 0xdbff) end++;
    pieces.push(JSON.stringify(text.slice(start, end)));
    start = end;
  }
  return `${PREFIX}[\n${pieces.join(',\n')}\n].join('')${SUFFIX};\n`;
}

/** The plugin, for `vite.plugins` in `astro.config.mjs`. */
export function dataStoreModule(): Plugin {
  return {
    name: 'sec-press:data-store-module',
    transform: {
      filter: { id: /^\0astro:data-layer-content$/ },
      handler(code: string, id: string) {
        if (id !== DATA_STORE_MODULE_ID) return null;
        const split = splitStoreLiteral(code);
        return split === undefined ? null : { code: split, map: { mappings: '' } };
      },
    },
  };
}
