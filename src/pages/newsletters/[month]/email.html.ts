/**
 * `npm run dev` only: the issue's email at `/newsletters/YYYY-MM/email.html`, rendered from
 * the content and `templates/` on every request, so editors and designers see a change on
 * reload. `npm run build` writes the same file through its newsletter step instead, so this
 * route builds nothing.
 */
import path from 'node:path';
import type { APIRoute, GetStaticPaths } from 'astro';
import { entriesOf, siteData } from '../../../components/corpus.ts';
import { config } from '../../../config.ts';
import { assembleIssue } from '../../../lib/newsletter/assemble.ts';
import { emailSettings } from '../../../lib/newsletter/settings.ts';
import { renderIssue } from '../../../lib/newsletter/render/index.ts';

export const getStaticPaths = (async () => {
  // Only under `astro dev`. (PROD alone is not enough: a build started from a test runner
  // inherits its PROD="" and DEV="1"; MODE is "production" in a build, "test" under vitest.)
  if (import.meta.env.PROD || import.meta.env.MODE !== 'development') return [];
  const newsletters = await entriesOf('newsletters');
  return newsletters.map((n) => ({ params: { month: n.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const { corpus } = await siteData();
  const issue = assembleIssue(corpus, params.month!, { contact: config.contact });
  const email = await renderIssue(issue, {
    templates: path.resolve('templates'),
    settings: emailSettings(config),
  });
  return new Response(email.html, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
};
