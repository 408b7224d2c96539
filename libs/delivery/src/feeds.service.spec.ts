import { validate } from 'fast-xml-parser';
import {
  escapeXml,
  imageTypeOf,
  renderJsonFeed,
  renderNewsSitemap,
  renderRss,
  rfc3339,
  rfc822,
  type Feed,
  type FeedItem,
} from './feeds.service';

const BERLIN = 'Europe/Berlin';

describe('escapeXml', () => {
  it('escapes the five XML specials and leaves German text as it is', () => {
    expect(escapeXml('Müller & Söhne <GmbH> sagt: "ja" – \'nein\'')).toBe(
      'Müller &amp; Söhne &lt;GmbH&gt; sagt: &quot;ja&quot; – &apos;nein&apos;',
    );
    expect(escapeXml('„Straßenmanagement“ für Größere')).toBe('„Straßenmanagement“ für Größere');
  });

  it('escapes an existing entity again (the text is text, not markup)', () => {
    expect(escapeXml('&amp; &#x41;')).toBe('&amp;amp; &amp;#x41;');
  });

  it('drops characters XML cannot carry at all, keeps tab and newlines and astral ones', () => {
    expect(escapeXml('a\u0000b\u0008c\u000Bd\u001Fe\uFFFEf\uFFFF')).toBe('abcdef');
    expect(escapeXml('lone \uD800 surrogate \uDC00')).toBe('lone  surrogate ');
    expect(escapeXml('tab\there\nline\r\n 😀')).toBe('tab\there\nline\r\n 😀');
  });

  it('defuses a CDATA end and markup in text', () => {
    expect(escapeXml(']]><script>')).toBe(']]&gt;&lt;script&gt;');
  });
});

describe('dates', () => {
  const winter = new Date('2026-03-03T08:15:42.789Z');
  const summer = new Date('2026-07-14T22:30:00Z');

  it('RFC 822 in the newsroom zone, with English names and a numeric offset', () => {
    expect(rfc822(winter, BERLIN)).toBe('Tue, 03 Mar 2026 09:15:42 +0100');
    // Late evening UTC is the next day in Berlin: the weekday follows the local date.
    expect(rfc822(summer, BERLIN)).toBe('Wed, 15 Jul 2026 00:30:00 +0200');
    expect(rfc822(winter, 'UTC')).toBe('Tue, 03 Mar 2026 08:15:42 +0000');
    expect(rfc822(winter, 'America/New_York')).toBe('Tue, 03 Mar 2026 03:15:42 -0500');
    expect(rfc822(new Date('2026-01-01T00:00:00Z'), 'Asia/Kathmandu')).toBe(
      'Thu, 01 Jan 2026 05:45:00 +0545',
    );
  });

  it('RFC 822 names the same instant (Date.parse reads it back to the second)', () => {
    for (const date of [winter, summer, new Date('2026-10-25T00:59:59Z')]) {
      expect(Date.parse(rfc822(date, BERLIN))).toBe(Math.floor(date.getTime() / 1000) * 1000);
    }
  });

  it('RFC 3339 in the newsroom zone, around the change to summer time', () => {
    expect(rfc3339(winter, BERLIN)).toBe('2026-03-03T09:15:42+01:00');
    expect(rfc3339(new Date('2026-03-29T00:59:59Z'), BERLIN)).toBe('2026-03-29T01:59:59+01:00');
    expect(rfc3339(new Date('2026-03-29T01:00:00Z'), BERLIN)).toBe('2026-03-29T03:00:00+02:00');
    expect(rfc3339(winter, 'UTC')).toBe('2026-03-03T08:15:42+00:00');
    expect(rfc3339(winter, BERLIN)).toMatch(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/,
    );
  });
});

describe('imageTypeOf', () => {
  it('reads the type from the extension; a JPEG rendition is the usual case', () => {
    expect(imageTypeOf('https://cdn/renditions/ab/teaser-auto-v1-640.jpeg')).toBe('image/jpeg');
    expect(imageTypeOf('https://cdn/originals/ab.PNG')).toBe('image/png');
    expect(imageTypeOf('https://cdn/originals/ab.webp?v=1')).toBe('image/webp');
    expect(imageTypeOf('https://cdn/x')).toBe('image/jpeg');
  });
});

describe('documents', () => {
  const item = (n: number, overrides: Partial<FeedItem> = {}): FeedItem => ({
    id: `00000000-0000-4000-8000-00000000000${n}`,
    url: `https://www.example.de/smart-city/story-${n}`,
    headline: `„Grüne Welle“ für Räder & Busse <${n}>`,
    kicker: 'Köln & Bonn',
    teaser: 'Ampeln < 30 s: „Wir messen“ – sagt die Straßenbaubehörde.',
    author: 'Erika Müller',
    section: { slug: 'smart-city', name: 'Smart City' },
    publishedAt: new Date(Date.UTC(2026, 2, 3, 8, n)),
    image: null,
    ...overrides,
  });
  const feed: Feed = {
    ref: 'section:smart-city',
    title: 'Newsdesk – Smart City & Verkehr',
    description: 'Die neuesten Meldungen aus Smart City & Verkehr',
    homePageUrl: 'https://www.example.de/smart-city',
    rssUrl: 'https://www.example.de/public/sections/smart-city/feed.xml',
    jsonUrl: 'https://www.example.de/public/sections/smart-city/feed.json',
    items: [
      item(2, {
        image: {
          id: 'img',
          url: 'https://cdn.example.de/renditions/x/teaser-auto-v1-640.jpeg?a=1&b=2',
          type: 'image/jpeg',
          length: 12345,
          width: 640,
          height: 480,
          alt: 'Ein Sensor „am“ Deckel',
          caption: '',
          credit: 'Foto: Jörg Müller & Partner <dpa>',
        },
      }),
      item(1),
    ],
  };

  it('RSS is well-formed, escaped, and carries enclosure, media:content and media:credit', () => {
    const xml = renderRss(feed, BERLIN);
    expect(validate(xml)).toBe(true);
    expect(xml).toContain('<title>Newsdesk – Smart City &amp; Verkehr</title>');
    expect(xml).toContain('<title>„Grüne Welle“ für Räder &amp; Busse &lt;2&gt;</title>');
    expect(xml).toContain('<category>Köln &amp; Bonn</category>');
    expect(xml).toContain('<guid isPermaLink="false">00000000-0000-4000-8000-000000000002</guid>');
    expect(xml).toContain('<pubDate>Tue, 03 Mar 2026 09:02:00 +0100</pubDate>');
    expect(xml).toContain('<lastBuildDate>Tue, 03 Mar 2026 09:02:00 +0100</lastBuildDate>');
    expect(xml).toContain(
      '<enclosure url="https://cdn.example.de/renditions/x/teaser-auto-v1-640.jpeg?a=1&amp;b=2" length="12345" type="image/jpeg"/>',
    );
    expect(xml).toContain(
      '<media:credit>Foto: Jörg Müller &amp; Partner &lt;dpa&gt;</media:credit>',
    );
    expect(xml.indexOf('story-2')).toBeLessThan(xml.indexOf('story-1'));
    // The second item has no picture: no enclosure.
    expect(xml.match(/<enclosure /g)).toHaveLength(1);
  });

  it('RSS of an empty feed is well-formed and has no lastBuildDate', () => {
    const xml = renderRss({ ...feed, items: [] }, BERLIN);
    expect(validate(xml)).toBe(true);
    expect(xml).not.toContain('<item>');
    expect(xml).not.toContain('lastBuildDate');
  });

  it('the same feed always gives the same bytes (the ETag depends on it)', () => {
    expect(renderRss(feed, BERLIN)).toBe(renderRss(structuredClone(feed), BERLIN));
    expect(renderJsonFeed(feed, BERLIN)).toBe(renderJsonFeed(structuredClone(feed), BERLIN));
  });

  it('JSON Feed 1.1 has the required fields, the picture and its credit', () => {
    const json = JSON.parse(renderJsonFeed(feed, BERLIN));
    expect(json).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Newsdesk – Smart City & Verkehr',
      feed_url: feed.jsonUrl,
      language: 'de',
    });
    expect(json.items[0]).toEqual({
      id: '00000000-0000-4000-8000-000000000002',
      url: 'https://www.example.de/smart-city/story-2',
      title: '„Grüne Welle“ für Räder & Busse <2>',
      content_text: 'Ampeln < 30 s: „Wir messen“ – sagt die Straßenbaubehörde.',
      summary: 'Ampeln < 30 s: „Wir messen“ – sagt die Straßenbaubehörde.',
      image: 'https://cdn.example.de/renditions/x/teaser-auto-v1-640.jpeg?a=1&b=2',
      date_published: '2026-03-03T09:02:00+01:00',
      authors: [{ name: 'Erika Müller' }],
      tags: ['Köln & Bonn', 'Smart City'],
      _newsdesk: {
        kicker: 'Köln & Bonn',
        section: { slug: 'smart-city', name: 'Smart City' },
        credit: 'Foto: Jörg Müller & Partner <dpa>',
        alt: 'Ein Sensor „am“ Deckel',
      },
    });
    expect(json.items[1].image).toBeUndefined();
    expect(json.items[1]._newsdesk.credit).toBeNull();
  });

  it('the news sitemap names publication, language, date and title', () => {
    const xml = renderNewsSitemap(feed.items, BERLIN);
    expect(validate(xml)).toBe(true);
    expect(xml).toContain(
      [
        '<url>',
        '  <loc>https://www.example.de/smart-city/story-2</loc>',
        '  <news:news>',
        '    <news:publication>',
        '      <news:name>Newsdesk</news:name>',
        '      <news:language>de</news:language>',
        '    </news:publication>',
        '    <news:publication_date>2026-03-03T09:02:00+01:00</news:publication_date>',
        '    <news:title>„Grüne Welle“ für Räder &amp; Busse &lt;2&gt;</news:title>',
        '  </news:news>',
        '</url>',
      ].join('\n'),
    );
  });
});
