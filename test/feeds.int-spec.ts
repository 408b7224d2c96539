import { parse, validate } from 'fast-xml-parser';
import { randomUUID } from 'node:crypto';
import type { Section } from '@newsdesk/editorial';
import { PublishedArticle } from '@newsdesk/publication';
import { photoJpeg, withIptc } from '@newsdesk/testing';
import { ApiClient, type Reply } from './support/http';
import { Clock } from '@newsdesk/common';
import {
  driveToApproved,
  driveToPublished,
  publishNow,
  type Desk,
  type DraftFields,
} from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

const unique = () => randomUUID().slice(0, 8);
const HOUR = 60 * 60 * 1000;
const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

/**
 * Entity references as an XML parser resolves them: the five predefined ones
 * and character references. Anything else is not XML without a DTD, so it fails.
 */
function decodeXml(text: string): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const amp = text.indexOf('&', i);
    if (amp < 0) return out + text.slice(i);
    const semi = text.indexOf(';', amp);
    if (semi < 0) throw new Error(`a bare & in ${JSON.stringify(text)}`);
    const name = text.slice(amp + 1, semi);
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    let char: string;
    if (name in named) char = named[name];
    else if (name.startsWith('#x')) char = String.fromCodePoint(parseInt(name.slice(2), 16));
    else if (name.startsWith('#')) char = String.fromCodePoint(parseInt(name.slice(1), 10));
    else throw new Error(`unknown entity &${name}; in ${JSON.stringify(text)}`);
    out += text.slice(i, amp) + char;
    i = semi + 1;
  }
  return out;
}

/** Checks that the text is well-formed XML, then reads it with the entities resolved. */
function readXml(text: string): any {
  expect(validate(text)).toBe(true);
  return parse(text, {
    ignoreAttributes: false,
    attributeNamePrefix: '@',
    parseNodeValue: false,
    parseAttributeValue: false,
    trimValues: false,
    tagValueProcessor: (value) => decodeXml(value),
    attrValueProcessor: (value) => decodeXml(value),
  });
}

const asArray = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** The text of an element that may carry attributes. */
const textOf = (node: any): string => (typeof node === 'object' ? node['#text'] : node);

const surrogateKeys = (reply: Reply) => (reply.headers.get('surrogate-key') ?? '').split(' ');

describe('feeds: RSS, JSON Feed and the Google News sitemap', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let photoToken: string;
  let section: Section;
  let other: Section;

  interface Story {
    id: string;
    slug: string;
    headline: string;
    teaser: string;
  }
  let plain: Story;
  let pictured: Story;
  let elsewhere: Story;
  let picture: { id: string; credit: string; alt: string; renditions: any[] };

  const headlineFor = (text: string) => `${text} ${unique()}`;

  let desk: Desk;

  /**
   * A story published `hoursAgo` hours ago, through the editorial flow: the
   * API's and the workflow's clocks read that time while it is published.
   */
  async function publishedHoursAgo(hoursAgo: number, fields: DraftFields): Promise<Story> {
    const approved = await driveToApproved(desk, fields);
    const then = () => new Date(Date.now() - hoursAgo * HOUR);
    const clocks = [newsdesk.api.get(Clock), newsdesk.workflow.get(Clock)].map((clock) =>
      jest.spyOn(clock, 'now').mockImplementation(then),
    );
    try {
      return await publishNow(desk, approved);
    } finally {
      clocks.forEach((clock) => clock.mockRestore());
    }
  }

  /** What the read model holds for a story (only the columns the feeds read). */
  async function readModel(articleId: string) {
    return newsdesk.orm.em
      .fork()
      .findOneOrFail(
        PublishedArticle,
        { articleId },
        { fields: ['articleId', 'slug', 'sectionSlug', 'publishedAt', 'teaserImage'] },
      );
  }

  async function uploadPicture(fields: Record<string, string>): Promise<string> {
    const file = withIptc(await photoJpeg(800, 600), { caption: `Testbild ${unique()}` });
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([file], { type: 'image/jpeg' }), 'photo.jpg');
    const response = await fetch(`${newsdesk.url}/api/images`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${photoToken}` },
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  }

  const get = (path: string, headers: Record<string, string> = {}) =>
    anonymous.request('GET', path, undefined, headers);

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm, 'Smart City & Verkehr');
    other = await makeSection(newsdesk.orm, 'Energie');
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer] };
    const photo = await anonymous.post<{ accessToken: string }>('/api/auth/login', {
      email: (await makeUser(newsdesk.orm, ['photo_desk'])).email,
      password: PASSWORD,
    });
    photoToken = photo.body.accessToken;

    const credit = 'Foto: Jörg Müller & Partner <dpa>';
    const alt = 'Ein Sensor „am“ Deckel eines Abfallbehälters';
    const imageId = await uploadPicture({ alt, credit });
    await newsdesk.settle();
    const image = await anonymous.as(photoToken).get(`/api/images/${imageId}`);
    expect(image.body.status).toBe('ready');
    picture = { id: imageId, credit, alt, renditions: image.body.renditions };

    plain = await driveToPublished(desk, {
      section: section.slug,
      kicker: 'Köln & Bonn',
      headline: headlineFor('„Grüne Welle“ für Räder & Busse: Ampeln <30 s'),
      // A control character XML cannot carry: the feed drops it, the story keeps it.
      teaser:
        'Weniger Halte, weniger Lärm\u0007 – „Wir messen jede Kreuzung“, sagt die Straßenbaubehörde.',
    });
    pictured = await driveToPublished(desk, {
      section: section.slug,
      headline: headlineFor('Smarte Abfallbehälter melden ihren Füllstand'),
      heroImageId: imageId,
    });
    elsewhere = await driveToPublished(desk, {
      section: other.slug,
      kicker: 'Energie',
      headline: headlineFor('Stadtwerke & Bürger bauen Solarpark'),
    });
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  it('RSS of a section: well-formed, newest first, German text escaped, picture with length and credit', async () => {
    const reply = await get(`/public/sections/${section.slug}/feed.xml`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe(CACHE_CONTROL);
    expect(reply.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]+"$/);
    expect(surrogateKeys(reply)).toEqual(
      expect.arrayContaining([
        'feed',
        `section:${section.slug}`,
        `story:${plain.id}`,
        `story:${pictured.id}`,
        `image:${picture.id}`,
      ]),
    );
    expect(surrogateKeys(reply)).not.toContain(`story:${elsewhere.id}`);

    const text = reply.body as string;
    // Escaped where XML needs it, UTF-8 everywhere else.
    expect(text).toContain('„Grüne Welle“ für Räder &amp; Busse: Ampeln &lt;30 s');
    expect(text).not.toContain('\u0007');

    const rss = readXml(text).rss;
    expect(rss['@version']).toBe('2.0');
    expect(rss['@xmlns:media']).toBe('http://search.yahoo.com/mrss/');
    const channel = rss.channel;
    expect(channel.title).toBe('Newsdesk – Smart City & Verkehr');
    expect(channel.link).toBe(`${newsdesk.config.publicBaseUrl}/${section.slug}`);
    expect(channel['atom:link']['@href']).toBe(
      `${newsdesk.config.publicBaseUrl}/public/sections/${section.slug}/feed.xml`,
    );
    const items = asArray<any>(channel.item);
    expect(items.map((i) => textOf(i.guid))).toEqual([pictured.id, plain.id]);
    expect(items.every((i) => i.guid['@isPermaLink'] === 'false')).toBe(true);

    const [withPicture, withText] = items;
    expect(withText.title).toBe(plain.headline);
    expect(withText.description).toBe(plain.teaser.replace('\u0007', ''));
    expect(asArray(withText.category)).toEqual(['Köln & Bonn', 'Smart City & Verkehr']);
    expect(withText.link).toBe(`${newsdesk.config.publicBaseUrl}/${section.slug}/${plain.slug}`);
    expect(withText.enclosure).toBeUndefined();

    for (const [item, story] of [
      [withPicture, pictured],
      [withText, plain],
    ] as const) {
      const row = await readModel(story.id);
      expect(item.pubDate).toMatch(RFC_822);
      expect(Date.parse(item.pubDate)).toBe(Math.floor(row.publishedAt.getTime() / 1000) * 1000);
    }
    expect(channel.lastBuildDate).toBe(withPicture.pubDate);

    const row = await readModel(pictured.id);
    const src = row.teaserImage!.src;
    const file = picture.renditions.find((r) => r.url === src);
    expect(file).toMatchObject({ preset: 'teaser', format: 'jpeg' });
    expect(file.bytes).toBeGreaterThan(0);
    expect(withPicture.enclosure).toEqual({
      '@url': src,
      '@type': 'image/jpeg',
      '@length': String(file.bytes),
    });
    expect(withPicture['media:content']).toMatchObject({
      '@url': src,
      '@type': 'image/jpeg',
      '@medium': 'image',
      '@fileSize': String(file.bytes),
      '@width': String(file.width),
      '@height': String(file.height),
      'media:credit': picture.credit,
    });
    expect(textOf(withPicture['media:content']['media:description'])).toBe(picture.alt);
  });

  it('JSON Feed of a section: version 1.1, required fields, picture and credit', async () => {
    const reply = await get(`/public/sections/${section.slug}/feed.json`);
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe(CACHE_CONTROL);
    expect(reply.headers.get('etag')).toBeTruthy();

    const feed = reply.body;
    expect(feed).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Newsdesk – Smart City & Verkehr',
      home_page_url: `${newsdesk.config.publicBaseUrl}/${section.slug}`,
      feed_url: `${newsdesk.config.publicBaseUrl}/public/sections/${section.slug}/feed.json`,
    });
    expect(feed.items.map((i: any) => i.id)).toEqual([pictured.id, plain.id]);
    for (const item of feed.items) {
      expect(typeof item.id).toBe('string');
      expect(item.url).toMatch(new RegExp(`^${newsdesk.config.publicBaseUrl}/${section.slug}/`));
      expect(typeof item.title).toBe('string');
      expect(typeof item.content_text).toBe('string');
      expect(item.date_published).toMatch(RFC_3339);
      const row = await readModel(item.id);
      expect(Date.parse(item.date_published)).toBe(
        Math.floor(row.publishedAt.getTime() / 1000) * 1000,
      );
    }
    const [withPicture, withText] = feed.items;
    expect(withText).toMatchObject({
      title: plain.headline,
      // JSON can carry the control character (escaped); only XML cannot.
      content_text: plain.teaser,
      _newsdesk: { kicker: 'Köln & Bonn', credit: null },
    });
    expect(withText.image).toBeUndefined();
    expect(withPicture.image).toBe((await readModel(pictured.id)).teaserImage!.src);
    expect(withPicture._newsdesk).toMatchObject({ credit: picture.credit, alt: picture.alt });
  });

  it('home feeds: the newest stories across all sections', async () => {
    const rss = await get('/public/feed.xml');
    expect(rss.status).toBe(200);
    expect(rss.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(surrogateKeys(rss)).toEqual(
      expect.arrayContaining(['feed', 'home', `story:${elsewhere.id}`, `story:${plain.id}`]),
    );
    const channel = readXml(rss.body as string).rss.channel;
    expect(channel.title).toBe('Newsdesk');
    const guids = asArray<any>(channel.item).map((i) => textOf(i.guid));
    expect(guids.length).toBeLessThanOrEqual(50);
    const ours = [elsewhere.id, pictured.id, plain.id];
    expect(guids.filter((id) => ours.includes(id))).toEqual(ours);

    const json = await get('/public/feed.json');
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    expect(json.body.version).toBe('https://jsonfeed.org/version/1.1');
    const items = json.body.items as any[];
    expect(items.map((i) => i.id)).toEqual(guids);
    const times = items.map((i) => Date.parse(i.date_published));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(items.find((i) => i.id === elsewhere.id)._newsdesk.section).toEqual({
      slug: other.slug,
      name: 'Energie',
    });
  });

  it('the Google News sitemap lists the stories of the last 48 hours only', async () => {
    const old = await publishedHoursAgo(72, {
      section: other.slug,
      headline: headlineFor('Vor drei Tagen: Netzausbau'),
    });
    const almost = await publishedHoursAgo(47, {
      section: other.slug,
      headline: headlineFor('Vor 47 Stunden: Netzausbau'),
    });
    // The read model holds the times the stories were published at.
    const hoursAgo = async (story: Story) =>
      Math.round((Date.now() - (await readModel(story.id)).publishedAt.getTime()) / HOUR);
    expect([await hoursAgo(old), await hoursAgo(almost)]).toEqual([72, 47]);
    const now = Date.now();

    const reply = await get('/public/sitemap-news.xml');
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(reply.headers.get('cache-control')).toBe(CACHE_CONTROL);
    expect(reply.headers.get('etag')).toBeTruthy();
    const urlset = readXml(reply.body as string).urlset;
    expect(urlset['@xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = asArray<any>(urlset.url);
    expect(urls.length).toBeLessThanOrEqual(1000);
    const loc = (story: Story, into: Section) =>
      `${newsdesk.config.publicBaseUrl}/${into.slug}/${story.slug}`;
    const locs = urls.map((u) => u.loc);
    expect(locs).toEqual(
      expect.arrayContaining([loc(plain, section), loc(elsewhere, other), loc(almost, other)]),
    );
    expect(locs).not.toContain(loc(old, other));

    for (const url of urls) {
      expect(url['news:news']['news:publication']).toMatchObject({
        'news:name': 'Newsdesk',
        'news:language': 'de',
      });
      expect(url['news:news']['news:publication_date']).toMatch(RFC_3339);
      expect(Date.parse(url['news:news']['news:publication_date'])).toBeGreaterThanOrEqual(
        Math.floor((now - 48 * HOUR) / 1000) * 1000,
      );
    }
    const entry = urls.find((u) => u.loc === loc(plain, section))['news:news'];
    expect(entry['news:title']).toBe(plain.headline);
    const row = await readModel(plain.id);
    expect(Date.parse(entry['news:publication_date'])).toBe(
      Math.floor(row.publishedAt.getTime() / 1000) * 1000,
    );
  });

  it('an unknown section: 404 with the API error body', async () => {
    for (const path of ['feed.xml', 'feed.json']) {
      const reply = await get(`/public/sections/keine-rubrik-${unique()}/${path}`);
      expect(reply.status).toBe(404);
      expect(reply.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(reply.body).toMatchObject({ statusCode: 404, error: 'not_found' });
    }
  });

  it('answers a matching If-None-Match with 304, and a changed feed with 200 and a new ETag', async () => {
    const path = `/public/sections/${section.slug}/feed.xml`;
    const first = await get(path);
    const etag = first.headers.get('etag')!;
    expect((await get(path)).headers.get('etag')).toBe(etag);

    for (const header of [etag, `W/${etag}`, `"something-else", ${etag}`, '*']) {
      const cached = await get(path, { 'if-none-match': header });
      expect(cached.status).toBe(304);
      expect(cached.body).toBeNull();
      expect(cached.headers.get('etag')).toBe(etag);
      expect(cached.headers.get('cache-control')).toBe(CACHE_CONTROL);
      expect(cached.headers.get('surrogate-key')).toBe(first.headers.get('surrogate-key'));
    }
    const stale = await get(path, { 'if-none-match': '"not-this-one"' });
    expect(stale.status).toBe(200);
    expect(stale.body).toBe(first.body);

    for (const other of [
      `/public/sections/${section.slug}/feed.json`,
      '/public/feed.xml',
      '/public/sitemap-news.xml',
    ]) {
      const reply = await get(other);
      const again = await get(other, { 'if-none-match': reply.headers.get('etag')! });
      expect(again.status).toBe(304);
    }

    const newer = await driveToPublished(desk, {
      section: section.slug,
      headline: headlineFor('Neue Ladesäulen am Markt'),
    });
    const changed = await get(path, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    const guids = asArray<any>(readXml(changed.body as string).rss.channel.item).map((i) =>
      textOf(i.guid),
    );
    expect(guids[0]).toBe(newer.id);
  });
});
