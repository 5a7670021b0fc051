import type { APIRoute } from 'astro';
import { siteData } from '../components/corpus.ts';
import { config } from '../config.ts';
import { meetingsCalendar } from '../lib/exports/calendar.ts';

export const GET: APIRoute = async () => {
  const { corpus, bodiesById, asOf } = await siteData();
  const body = meetingsCalendar(corpus.meetings, bodiesById, {
    name: 'SEC meetings',
    siteUrl: config.url,
    asOf,
  });
  return new Response(body, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
