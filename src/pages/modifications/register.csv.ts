import type { APIRoute } from 'astro';
import { siteRegisterRows } from '../../components/corpus.ts';
import { config } from '../../config.ts';
import { registerCsv } from '../../lib/exports/formats.ts';
import { registerRecords } from '../../lib/exports/register.ts';

export const GET: APIRoute = async () => {
  const body = registerCsv(registerRecords(await siteRegisterRows(), config.url));
  return new Response(body, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
