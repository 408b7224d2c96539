import { renderJsonFeed, type Feed, type FeedItem } from '@newsdesk/delivery';
import { JsonFeedSchema } from './public.schema';

// Feeds are rendered to text before they are sent, so no schema shapes them on the way out:
// the documented schema is checked against what the renderer writes here instead.
describe('JsonFeedSchema', () => {
  const item = (n: number, overrides: Partial<FeedItem> = {}): FeedItem => ({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    url: `https://www.newsdesk.test/smart-city/story-${n}`,
    headline: 'Digitalministerkonferenz: Länder wollen Verwaltung gemeinsam digitalisieren',
    kicker: 'Digitalisierung',
    teaser: 'Bund und Länder einigen sich auf gemeinsame Plattformen.',
    author: 'Jana Schütte',
    section: { slug: 'smart-city', name: 'Smart City' },
    publishedAt: new Date(Date.UTC(2026, 2, 3, 8, n)),
    image: null,
    ...overrides,
  });
  const feed: Feed = {
    ref: 'section:smart-city',
    title: 'Newsdesk – Smart City',
    description: 'Die neuesten Meldungen aus Smart City',
    homePageUrl: 'https://www.newsdesk.test/smart-city',
    rssUrl: 'https://www.newsdesk.test/public/sections/smart-city/feed.xml',
    jsonUrl: 'https://www.newsdesk.test/public/sections/smart-city/feed.json',
    items: [
      item(2, {
        image: {
          id: '00000000-0000-4000-8000-0000000000aa',
          url: 'https://cdn.newsdesk.test/renditions/x/teaser-640.jpeg',
          type: 'image/jpeg',
          length: 12345,
          width: 640,
          height: 480,
          alt: 'Ein Sensor am Deckel',
          caption: '',
          credit: 'Foto: Stadtwerke Ulm',
        },
      }),
      item(1, { author: '', kicker: '' }),
    ],
  };

  it.each([
    ['with and without picture and author', feed],
    ['empty', { ...feed, items: [] }],
  ])('describes the JSON Feed the renderer writes (%s), field for field', (_, rendered) => {
    const body: unknown = JSON.parse(renderJsonFeed(rendered, 'Europe/Berlin'));
    // Parsing drops what the schema does not name: equal means nothing is missing or extra.
    expect(JsonFeedSchema.parse(body)).toEqual(body);
  });
});
