import type { APIRoute } from 'astro';
import { siteRegisterRows } from '../../components/corpus.ts';
import { config } from '../../config.ts';
import { registerJson } from '../../lib/exports/formats.ts';
import { registerRecords } from '../../lib/exports/register.ts';
import { absoluteUrl, REGISTER_URL } from '../../lib/site/urls.ts';

export const GET: APIRoute = async () => {
  const records = registerRecords(await siteRegisterRows(), config.url);
  const body = registerJson(records, { asOf: config.asOf, source: absoluteUrl(config.url, REGISTER_URL) });
  return new Response(body, { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
