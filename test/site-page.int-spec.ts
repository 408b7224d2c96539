import { randomUUID } from 'node:crypto';
import { parse, type HTMLElement } from 'node-html-parser';
import { Clock } from '@newsdesk/common';
import type { Section } from '@newsdesk/editorial';
import { photoJpeg } from '@newsdesk/testing';
import { driveToPublished, writeDraft, type Desk, type Story } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient, type Reply } from './support/http';
import { Newsdesk } from './support/newsdesk';

const unique = () => randomUUID().slice(0, 8);
const CACHE_CONTROL = 'public, max-age=60, s-maxage=300, stale-while-revalidate=600';
const GERMAN_DATE_TIME =
  /^\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4} um \d{2}:\d{2} Uhr$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}[+-]\d{2}:\d{2}$/;
const HOSTILE = '<script>alert("x")</script> & </script><!--';

const surrogateKeys = (reply: Reply) => (reply.headers.get('surrogate-key') ?? '').split(' ');
const text = (element: HTMLElement | null) => element?.textContent.trim() ?? null;

/** The raw text of the page's JSON-LD, and its parsed value. */
function jsonLdOf(html: string) {
  const scripts = [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)];
  expect(scripts).toHaveLength(1);
  return { raw: scripts[0][1], data: JSON.parse(scripts[0][1]) };
}

describe('the story page /site/:section/:slug', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let desk: Desk;
  let section: Section;
  let other: Section;
  let picture: { id: string; credit: string; alt: string; caption: string };
  let inline: { id: string; credit: string };
  let older: Story;
  let main: Story;
  let elsewhere: Story;

  /** GET as a browser would (any type, HTML first). */
  const page = (path: string, headers: Record<string, string> = {}) =>
    anonymous.request('GET', path, undefined, {
      accept: 'text/html,application/xhtml+xml,*/*;q=0.8',
      ...headers,
    });
  const pathOf = (story: { slug: string }, sectionSlug = section.slug) =>
    `/site/${sectionSlug}/${story.slug}`;

  async function uploadPicture(fields: Record<string, string>): Promise<string> {
    const login = await anonymous.post<{ accessToken: string }>('/api/auth/login', {
      email: (await makeUser(newsdesk.orm, ['photo_desk'])).email,
      password: PASSWORD,
    });
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    form.append('file', new Blob([await photoJpeg(800, 500)], { type: 'image/jpeg' }), 'photo.jpg');
    const response = await fetch(`${newsdesk.url}/api/images`, {
      method: 'POST',
      body: form,
      headers: { authorization: `Bearer ${login.body.accessToken}` },
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { id: string }).id;
  }

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    section = await makeSection(newsdesk.orm, `Smart City ${unique()}`);
    other = await makeSection(newsdesk.orm, `Energie ${unique()}`);
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer], section: section.slug };

    picture = {
      id: '',
      alt: 'Ein Sensor am Deckel eines Abfallbehälters',
      caption: 'Die Sensoren melden den Füllstand alle zehn Minuten.',
      credit: 'Foto: Stadt & Land <dpa>',
    };
    picture.id = await uploadPicture({
      alt: picture.alt,
      caption: picture.caption,
      credit: picture.credit,
    });
    inline = { id: '', credit: 'Foto: Bauhof Arnsberg' };
    inline.id = await uploadPicture({ alt: 'Ein Müllwagen', credit: inline.credit });
    // Renditions in three formats take a while on a busy machine.
    await newsdesk.settle({ timeoutMs: 120_000 });

    older = await driveToPublished(desk, {
      kicker: 'Soest',
      headline: `Ältere Meldung aus der Smart City ${unique()}`,
    });
    main = await driveToPublished(desk, {
      kicker: 'Arnsberg & Co.',
      headline: `Abfallbehälter ${HOSTILE} ${unique()}`,
      teaser: 'Sensoren sparen der Stadt <b>jede Woche</b> zwei Leerungsfahrten.',
      heroImageId: picture.id,
      body: [
        {
          type: 'paragraph',
          text: 'Die Stadt hat 400 Behälter ausgestattet. </p><p>Eingeschleust',
        },
        { type: 'heading', text: 'Was die Sensoren messen' },
        {
          type: 'quote',
          text: '„Wir fahren nur noch, wo es nötig ist.“',
          attribution: 'Eva Beispiel',
        },
        { type: 'image', imageId: inline.id, caption: 'Der neue Müllwagen.' },
        { type: 'paragraph', text: 'Die Daten landen auf einer offenen Plattform.' },
      ],
    });
    elsewhere = await driveToPublished(desk, {
      section: other.slug,
      headline: `Solarpark in Energie ${unique()}`,
    });
  });

  afterAll(async () => {
    await newsdesk?.stop();
  });

  it('shows kicker, headline, date, lead, the hero as <picture> with caption and credit, and the body', async () => {
    const reply = await page(pathOf(main));
    expect(reply.status).toBe(200);
    expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = reply.body;
    expect(html.startsWith('<!DOCTYPE html><html lang="de">')).toBe(true);
    const doc = parse(html);
    const article = doc.querySelector('main article')!;
    expect(text(article.querySelector('.section-name'))).toBe(section.name);
    expect(text(article.querySelector('.kicker'))).toBe('Arnsberg & Co.');
    expect(text(article.querySelector('h1'))).toBe(main.headline);
    expect(text(article.querySelector('.lead'))).toBe(
      'Sensoren sparen der Stadt <b>jede Woche</b> zwei Leerungsfahrten.',
    );
    expect(text(article.querySelector('.meta time'))).toMatch(GERMAN_DATE_TIME);

    const hero = article.querySelector('figure')!;
    const sources = hero.querySelectorAll('picture source');
    expect(sources.map((s) => s.getAttribute('type'))).toEqual(['image/avif', 'image/webp']);
    for (const source of sources) {
      expect(source.getAttribute('srcset')).toMatch(/^\S+ \d+w(, \S+ \d+w)*$/);
      expect(source.getAttribute('sizes')).toBeTruthy();
    }
    const img = hero.querySelector('picture img')!;
    expect(img.getAttribute('alt')).toBe(picture.alt);
    expect(Number(img.getAttribute('width'))).toBeGreaterThan(0);
    expect(Number(img.getAttribute('height'))).toBeGreaterThan(0);
    expect(img.getAttribute('src')).toMatch(/\.jpg$/);
    expect(img.getAttribute('srcset')).toMatch(/\.jpg \d+w/);
    expect(text(hero.querySelector('figcaption'))).toBe(`${picture.caption}${picture.credit}`);
    expect(text(hero.querySelector('.credit'))).toBe(picture.credit);

    expect(article.querySelectorAll('h2').map(text)).toContain('Was die Sensoren messen');
    expect(text(article.querySelector('blockquote'))).toBe(
      '„Wir fahren nur noch, wo es nötig ist.“',
    );
    const figures = article.querySelectorAll('figure');
    const bodyImage = figures.find((f) => text(f.querySelector('.credit')) === inline.credit)!;
    expect(bodyImage.querySelector('picture img')!.getAttribute('alt')).toBe('Ein Müllwagen');
    expect(text(bodyImage.querySelector('figcaption'))).toContain('Der neue Müllwagen.');
  });

  it('escapes HTML in every text: nothing a story says becomes markup', async () => {
    const html = (await page(pathOf(main))).body;
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>jede Woche</b>');
    expect(html).not.toContain('</p><p>Eingeschleust');
    expect(html).toContain('&lt;script&gt;alert(');
    // The only script element is the JSON-LD; its text ends nowhere early.
    expect(html.match(/<script/g)).toHaveLength(1);
    const { raw, data } = jsonLdOf(html);
    expect(raw).not.toMatch(/[<>]/);
    expect(data.headline).toBe(main.headline);
    const paragraphs = parse(html).querySelectorAll('main article p').map(text);
    expect(paragraphs).toContain('Die Stadt hat 400 Behälter ausgestattet. </p><p>Eingeschleust');
  });

  it('carries NewsArticle JSON-LD and the canonical link', async () => {
    const html = (await page(pathOf(main))).body;
    const canonical = `${newsdesk.config.publicBaseUrl}/site/${section.slug}/${main.slug}`;
    const links = parse(html).querySelectorAll('link[rel="canonical"]');
    expect(links.map((l) => l.getAttribute('href'))).toEqual([canonical]);
    const { data } = jsonLdOf(html);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: main.headline,
      inLanguage: 'de',
      url: canonical,
      mainEntityOfPage: { '@type': 'WebPage', '@id': canonical },
      author: [{ '@type': 'Person', name: expect.any(String) }],
      publisher: { '@type': 'Organization', name: expect.any(String) },
      articleSection: section.name,
      image: [
        {
          '@type': 'ImageObject',
          url: expect.stringMatching(/^http/),
          caption: picture.caption,
          creditText: picture.credit,
        },
      ],
    });
    expect(data.datePublished).toMatch(ZONED);
    expect(data.dateModified).toMatch(ZONED);
    expect(data.correction).toBeUndefined();
  });

  it('is cached like the JSON: ETag, 304, and surrogate keys for the story, section, pictures and the box', async () => {
    const reply = await page(pathOf(main));
    expect(reply.headers.get('cache-control')).toBe(CACHE_CONTROL);
    const etag = reply.headers.get('etag')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect(surrogateKeys(reply)).toEqual(
      expect.arrayContaining([
        'site',
        `story:${main.id}`,
        `section:${section.slug}`,
        `image:${picture.id}`,
        `image:${inline.id}`,
        `story:${older.id}`,
      ]),
    );
    expect(surrogateKeys(reply)).not.toContain(`story:${elsewhere.id}`);
    const again = await page(pathOf(main), { 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body).toBeNull();
    expect(again.headers.get('etag')).toBe(etag);
  });

  it('lists the section’s newest other stories in the box, with working “mehr…” links', async () => {
    const doc = parse((await page(pathOf(main))).body);
    const box = doc.querySelector('aside.more')!;
    expect(text(box.querySelector('h2'))).toBe(
      `Weitere Meldungen und Beiträge aus dem Bereich: ${section.name}`,
    );
    const items = box.querySelectorAll('li');
    const headlines = items.map((li) => text(li.querySelector('h3')));
    expect(headlines).toContain(older.headline);
    expect(headlines).not.toContain(main.headline);
    expect(headlines).not.toContain(elsewhere.headline);
    const olderItem = items[headlines.indexOf(older.headline)];
    expect(text(olderItem.querySelector('.kicker'))).toBe('Soest');
    expect(text(olderItem.querySelector('time'))).toMatch(/^\d{2}\.\d{2}\.\d{4}$/);
    const more = olderItem.querySelector('a')!;
    expect(text(more)).toBe('mehr…');
    expect(more.getAttribute('href')).toBe(pathOf(older));

    const followed = await page(more.getAttribute('href')!);
    expect(followed.status).toBe(200);
    const followedDoc = parse(followed.body);
    expect(text(followedDoc.querySelector('h1'))).toBe(older.headline);
    // Its own box shows the main story, not itself.
    const boxHeadlines = followedDoc.querySelectorAll('aside.more h3').map(text);
    expect(boxHeadlines).toContain(main.headline);
    expect(boxHeadlines).not.toContain(older.headline);
  });

  it('shows a story published later in the section at the top of the box on the next fetch', async () => {
    const before = await page(pathOf(main));
    const newest = await driveToPublished(desk, { headline: `Neueste Meldung ${unique()}` });
    const after = await page(pathOf(main));
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));
    const headlines = parse(after.body).querySelectorAll('aside.more h3').map(text);
    expect(headlines[0]).toBe(newest.headline);
    expect(surrogateKeys(after)).toContain(`story:${newest.id}`);
  });

  it('shows corrections on the page and in the JSON-LD', async () => {
    const note = `Die Zahl der Behälter war falsch angegeben <400>. ${unique()}`;
    const corrected = await reviewer.post(`/api/articles/${main.id}/corrections`, { note });
    expect(corrected.status).toBe(200);
    await newsdesk.settle();
    const html = (await page(pathOf(main))).body;
    const corrections = parse(html).querySelector('section.corrections')!;
    expect(text(corrections.querySelector('h2'))).toBe('Korrekturen');
    expect(corrections.querySelectorAll('p').map(text).join(' ')).toContain(note);
    const { data } = jsonLdOf(html);
    expect(data.correction).toEqual([
      { '@type': 'CorrectionComment', text: note, datePublished: expect.stringMatching(ZONED) },
    ]);
    expect(Date.parse(data.dateModified)).toBeGreaterThanOrEqual(Date.parse(data.datePublished));
  });

  it('redirects a story asked for under another section to its canonical page (301)', async () => {
    const reply = await fetch(`${newsdesk.url}${pathOf(main, other.slug)}`, { redirect: 'manual' });
    expect(reply.status).toBe(301);
    expect(reply.headers.get('location')).toBe(
      `${newsdesk.config.publicBaseUrl}/site/${section.slug}/${main.slug}`,
    );
    expect(reply.headers.get('surrogate-key')?.split(' ')).toContain(`story:${main.id}`);
    expect(reply.headers.get('cache-control')).toBe(CACHE_CONTROL);
  });

  it('answers an unknown story 404 and a bad slug 400: a German page for browsers, the error body for JSON clients', async () => {
    const missing = await page(`/site/${section.slug}/gibt-es-nicht-${unique()}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(missing.headers.get('cache-control')).toBe('no-store');
    const missingDoc = parse(missing.body);
    expect(missingDoc.querySelector('html')!.getAttribute('lang')).toBe('de');
    expect(text(missingDoc.querySelector('h1'))).toBe('Seite nicht gefunden');
    expect(missingDoc.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe(
      'noindex',
    );

    const asJson = await page(`/site/${section.slug}/gibt-es-nicht`, {
      accept: 'application/json',
    });
    expect(asJson.status).toBe(404);
    expect(asJson.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(asJson.body).toMatchObject({ statusCode: 404, error: 'not_found' });

    for (const bad of [`/site/${section.slug}/Gro%C3%9F.html`, `/site/Smart_City/${main.slug}`]) {
      const reply = await page(bad);
      expect([bad, reply.status]).toEqual([bad, 400]);
      expect(text(parse(reply.body).querySelector('h1'))).toBe('Ungültige Adresse');
    }
    const badJson = await page(`/site/${section.slug}/a.b`, { accept: 'application/json' });
    expect(badJson.status).toBe(400);
    expect(badJson.body.details.problems).toEqual([{ field: 'slug', reason: 'is not a slug' }]);
  });

  describe('preview links', () => {
    it('render the revision on the same page, never cached nor indexed, with a “Vorschau” banner', async () => {
      const draft = await writeDraft(desk, { headline: `Vorschau ${HOSTILE} ${unique()}` });
      const link = await editor.post(`/api/articles/${draft.id}/preview`);
      expect(link.status).toBe(201);
      expect(link.body.url).toBe(
        `${newsdesk.config.publicBaseUrl}/site/preview/${link.body.token}`,
      );
      const reply = await page(`/site/preview/${link.body.token}`);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(reply.headers.get('cache-control')).toBe('private, no-store');
      expect(reply.headers.get('surrogate-key')).toBeNull();
      const doc = parse(reply.body);
      expect(doc.querySelector('meta[name="robots"]')!.getAttribute('content')).toBe('noindex');
      expect(text(doc.querySelector('.preview'))).toMatch(/^Vorschau \(Revision 1\)/);
      expect(text(doc.querySelector('h1'))).toBe(draft.headline);
      expect(reply.body).not.toContain('<script>alert');
      expect(jsonLdOf(reply.body).data.headline).toBe(draft.headline);
      // The same box as the published page: the section's newest stories.
      expect(doc.querySelectorAll('aside.more h3').map(text)).toContain(main.headline);
    });

    it('answer an altered link 401 and an expired one 410, as pages', async () => {
      const draft = await writeDraft(desk);
      const token: string = (await editor.post(`/api/articles/${draft.id}/preview`)).body.token;
      const [payload, signature] = token.split('.');
      const flipped = `${signature.slice(0, 5)}${signature[5] === 'A' ? 'B' : 'A'}${signature.slice(6)}`;
      const altered = await page(`/site/preview/${payload}.${flipped}`);
      expect(altered.status).toBe(401);
      expect(text(parse(altered.body).querySelector('h1'))).toBe('Vorschau-Link ungültig');
      const alteredJson = await page(`/site/preview/${payload}.${flipped}`, {
        accept: 'application/json',
      });
      expect(alteredJson.status).toBe(401);
      expect(alteredJson.body.statusCode).toBe(401);

      const clock = newsdesk.api.get(Clock);
      const spy = jest.spyOn(clock, 'now').mockReturnValue(new Date(Date.now() + 30 * 86_400_000));
      try {
        const expired = await page(`/site/preview/${token}`);
        expect(expired.status).toBe(410);
        expect(expired.headers.get('content-type')).toBe('text/html; charset=utf-8');
        expect(text(parse(expired.body).querySelector('h1'))).toBe('Vorschau-Link abgelaufen');
      } finally {
        spy.mockRestore();
      }
      expect((await page(`/site/preview/${token}`)).status).toBe(200);
    });
  });
});
