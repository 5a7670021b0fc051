// @ts-check
import mdx from '@astrojs/mdx';
import sitemap from '@astrojs/sitemap';
import { unified } from '@astrojs/markdown-remark';
import { defineConfig } from 'astro/config';
import { readdirSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { sanitizeSchema } from './src/lib/markdown/sanitize.ts';
import { headersFile } from './src/lib/site/csp.ts';
import { siteMarkdownProcessor } from './src/lib/site/body.ts';
import { dataStoreModule } from './src/lib/site/data-store-module.ts';
import { rehypeSanitizeMdx } from './src/lib/site/mdx-sanitize.ts';

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

/** Ids of a collection's entries, from its file names (the same ids the content loader makes). */
/** @param {string} dir */
const idsIn = (dir) =>
  new Set(
    readdirSync(new URL(`./content/${dir}/`, import.meta.url), { recursive: true })
      .map(String)
      .filter((f) => !(f.split('/').pop() ?? '').startsWith('.') && /\.(md|mdx|yaml)$/.test(f))
      .map((f) => f.replace(/^.*\//, '').replace(/\.[^.]+$/, '')),
  );

/** Compile-time check of the components in MDX pages: a wrong id stops the build at its line. */
/**
 * @param {string} name
 * @param {Record<string, string>} attrs
 */
function checkComponent(name, attrs) {
  if (name === 'ModificationCard') {
    const ids = idsIn('modifications');
    if (!attrs.id) return '<ModificationCard> needs an id, e.g. <ModificationCard id="SECMP0049" />';
    if (!ids.has(attrs.id.toUpperCase())) {
      return `<ModificationCard id="${attrs.id}">: there is no modification ${attrs.id} in content/modifications/`;
    }
  }
  if (name === 'UpcomingMeetings') {
    const bodies = idsIn('bodies');
    if (!attrs.body || !bodies.has(attrs.body)) {
      return `<UpcomingMeetings body="${attrs.body ?? ''}">: no such body (bodies: ${[...bodies].sort().join(', ')})`;
    }
    if (attrs.limit !== undefined && !/^[1-9]\d*$/.test(attrs.limit)) {
      return `<UpcomingMeetings limit="${attrs.limit}">: the limit is a whole number, e.g. limit="3"`;
    }
  }
  return undefined;
}

/** MDX pages: the site's components, raw HTML sanitised with the shared schema, no JavaScript. */
export const mdxProcessor = unified({
  rehypePlugins: [
    [
      // The plugin types its own tree (hast with MDX nodes); unified's plugin list wants hast's Root.
      /** @type {any} */ (rehypeSanitizeMdx),
      {
        schema: sanitizeSchema,
        components: ['ModificationCard', 'UpcomingMeetings', 'Callout'],
        check: checkComponent,
      },
    ],
  ],
});

const site = (process.env.SITE_URL ?? 'https://sec-press.example').replace(/\/+$/, '');

export default defineConfig({
  site,
  trailingSlash: 'always',
  // `npm run build` builds into a staging folder and swaps it in only on success.
  outDir: process.env.SEC_PRESS_OUT_DIR ?? './dist',
  integrations: [mdx({ processor: mdxProcessor }), sitemap(), securityHeaders],
  build: {
    format: 'directory',
    // The Content-Security-Policy allows no inline styles or scripts: every asset is a file.
    inlineStylesheets: 'never',
    // Pages rendered eight at a time: while one page's file is written, others render (with
    // one at a time Astro's thread waited on a write for about a third of the page phase).
    // 10,000 entries: site step 44–46 s → 35–37 s, the same peak memory.
    concurrency: 8,
  },
  markdown: {
    // Sätteri, Astro's native processor (about a hundred times faster than remark + rehype on
    // our bodies) with our sanitising hast plugin: raw HTML is parsed into elements, then
    // cleaned with the shared schema. Pages render bodies with the same processor (body.ts).
    processor: siteMarkdownProcessor,
  },
  vite: {
    // The content store read from a file when the pages are built, not bundled (22 MB at
    // 10,000 entries: bundling it and compiling it took some 8 s).
    plugins: [dataStoreModule()],
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
