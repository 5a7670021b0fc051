import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteData } from '../../components/corpus.ts';
import { config } from '../../config.ts';
import { consultationFeedItems, pubDate } from '../../lib/site/feeds.ts';

export const GET: APIRoute = async () => {
  const { corpus, asOf } = await siteData();
  return rss({
    title: 'Smart Energy Code: consultations',
    description: 'Modification Report Consultations and industry consultations on the Smart Energy Code.',
    site: config.url,
    customData: '<language>en-gb</language>',
    items: consultationFeedItems(corpus.consultations, asOf).map((i) => ({
      title: i.title,
      link: i.link,
      pubDate: pubDate(i.date),
      description: i.description,
    })),
  });
};
