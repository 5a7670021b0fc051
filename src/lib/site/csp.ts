/**
 * The site's Content-Security-Policy: everything from our own origin, nothing inline, no
 * plugins, no framing. `'wasm-unsafe-eval'` lets Pagefind compile its WebAssembly search
 * engine; it does not allow `eval()` of JavaScript.
 */
export const CSP_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['default-src', "'self'"],
  ['script-src', "'self' 'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  ['img-src', "'self' data:"],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'self'"],
];

/** Directives a `<meta>` policy ignores, so they are sent only as an HTTP header. */
export const HEADER_ONLY_DIRECTIVES: ReadonlyArray<readonly [string, string]> = [
  ['frame-ancestors', "'none'"],
];

const join = (ds: ReadonlyArray<readonly [string, string]>) => ds.map(([k, v]) => `${k} ${v}`).join('; ');

/** The policy for `<meta http-equiv="Content-Security-Policy">`. */
export const cspMeta = join(CSP_DIRECTIVES);

/** The policy for the `Content-Security-Policy` HTTP header. */
export const cspHeader = join([...CSP_DIRECTIVES, ...HEADER_ONLY_DIRECTIVES]);

/** Security headers every response carries, as `[name, value]`. */
export const SECURITY_HEADERS: ReadonlyArray<readonly [string, string]> = [
  ['Content-Security-Policy', cspHeader],
  ['X-Content-Type-Options', 'nosniff'],
  ['Referrer-Policy', 'strict-origin-when-cross-origin'],
  ['Permissions-Policy', 'camera=(), microphone=(), geolocation=()'],
];

/** A `_headers` file (Netlify, Cloudflare Pages and others) applying the headers to every path. */
export function headersFile(): string {
  return ['/*', ...SECURITY_HEADERS.map(([k, v]) => `  ${k}: ${v}`), ''].join('\n');
}
