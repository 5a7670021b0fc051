// @ts-check
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

const site = (process.env.SITE_URL ?? 'https://sec-press.example').replace(/\/+$/, '');

export default defineConfig({
  site,
  trailingSlash: 'always',
  // `npm run build` builds into a staging folder and swaps it in only on success.
  outDir: process.env.SEC_PRESS_OUT_DIR ?? './dist',
  integrations: [mdx()],
  build: { format: 'directory' },
});
