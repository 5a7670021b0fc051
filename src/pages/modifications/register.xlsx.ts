import type { APIRoute } from 'astro';
import { siteRegisterRows } from '../../components/corpus.ts';
import { config } from '../../config.ts';
import { registerXlsx } from '../../lib/exports/formats.ts';
import { registerRecords } from '../../lib/exports/register.ts';

export const GET: APIRoute = async () => {
  const body = await registerXlsx(registerRecords(await siteRegisterRows(), config.url), {
    asOf: config.asOf,
  });
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  });
};
