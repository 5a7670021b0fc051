import type { APIRoute } from 'astro';
import { config } from '../config.ts';
import { absoluteUrl } from '../lib/site/urls.ts';

export const GET: APIRoute = () =>
  new Response(`User-agent: *\nAllow: /\n\nSitemap: ${absoluteUrl(config.url, '/sitemap-index.xml')}\n`, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  });
