import rss from '@astrojs/rss';
import type { APIRoute } from 'astro';
import { siteData } from '../components/corpus.ts';
import { config } from '../config.ts';
import { newsFeedItems, pubDate } from '../lib/site/feeds.ts';

export const GET: APIRoute = async () => {
  const { corpus, asOf } = await siteData();
  return rss({
    title: 'Smart Energy Code: news and newsletters',
    description: 'News from SECAS about the Smart Energy Code, and each monthly SEC newsletter.',
    site: config.url,
    customData: '<language>en-gb</language>',
    items: newsFeedItems(corpus.news, corpus.newsletters, asOf).map((i) => ({
      title: i.title,
      link: i.link,
      pubDate: pubDate(i.date),
      description: i.description,
    })),
  });
};
