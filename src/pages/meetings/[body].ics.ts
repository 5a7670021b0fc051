import type { APIRoute, GetStaticPaths } from 'astro';
import { entriesOf, siteData } from '../../components/corpus.ts';
import { config } from '../../config.ts';
import { meetingsCalendar } from '../../lib/exports/calendar.ts';
import { meetingsOf } from '../../lib/meetings.ts';

export const getStaticPaths = (async () => {
  const bodies = await entriesOf('bodies');
  return bodies.map((b) => ({ params: { body: b.id.toLowerCase() }, props: { bodyId: b.id } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ props }) => {
  const { corpus, bodiesById, asOf } = await siteData();
  const bodyId = (props as { bodyId: string }).bodyId;
  const body = bodiesById.get(bodyId)!;
  const ics = meetingsCalendar(meetingsOf(corpus.meetings, bodyId), bodiesById, {
    name: `SEC: ${body.data.name} meetings`,
    siteUrl: config.url,
    asOf,
  });
  return new Response(ics, { headers: { 'Content-Type': 'text/calendar; charset=utf-8' } });
};
