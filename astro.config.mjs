// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { writeFile } from 'node:fs/promises';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { sanitizeSchema } from './src/lib/markdown/sanitize.ts';
import { headersFile } from './src/lib/site/csp.ts';

/**
 * GOV.UK Frontend still carries an IE 9–11 hack (`@media … and (min-width: 0\\0)`) that current
 * Dart Sass writes as an invalid media query, which the CSS minifier rejects. No browser we
 * serve needs it: drop it.
 * @type {import('postcss').Plugin}
 */
const dropIeHacks = {
  postcssPlugin: 'drop-ie-media-hacks',
  AtRule: {
    media(rule) {
      if (rule.params.includes('\uFFFD') || rule.params.includes('\\0')) rule.remove();
    },
  },
};

/**
 * Writes `_headers` (Netlify, Cloudflare Pages and other static hosts) with the same
 * Content-Security-Policy as the pages' meta tag, plus what only a header can say.
 * @type {import('astro').AstroIntegration}
 */
const securityHeaders = {
  name: 'sec-press:security-headers',
  hooks: {
    'astro:build:done': async ({ dir }) => {
      await writeFile(new URL('_headers', dir), headersFile());
    },
  },
};

const site = (process.env.SITE_URL ?? 'https://sec-press.example').replace(/\/+$/, '');

export default defineConfig({
  site,
  trailingSlash: 'always',
  // `npm run build` builds into a staging folder and swaps it in only on success.
  outDir: process.env.SEC_PRESS_OUT_DIR ?? './dist',
  integrations: [mdx(), sitemap(), securityHeaders],
  build: {
    format: 'directory',
    // The Content-Security-Policy allows no inline styles or scripts: every asset is a file.
    inlineStylesheets: 'never',
  },
  markdown: {
    // Raw HTML in Markdown bodies is parsed, then cleaned with the shared schema.
    processor: unified({ rehypePlugins: [rehypeRaw, [rehypeSanitize, sanitizeSchema]] }),
  },
  vite: {
    build: {
      assetsInlineLimit: 0,
      rollupOptions: {
        // MDX modules carry Astro's own directive; the bundler's note about it is noise.
        onwarn(warning, warn) {
          if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
        },
      },
    },
    css: {
      preprocessorOptions: { scss: { loadPaths: ['node_modules'], quietDeps: true } },
      postcss: { plugins: [dropIeHacks] },
    },
  },
});
