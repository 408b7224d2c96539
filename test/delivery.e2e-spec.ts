import { ListingService, listingKey } from '@newsdesk/delivery';
import { driveToPublished, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { purgeReceiver, type PurgeReceiver } from './support/purge-receiver';
import { Newsdesk } from './support/newsdesk';

describe('listings, caching and CDN purges (end to end)', () => {
  let newsdesk: Newsdesk;
  let cdn: PurgeReceiver;
  let anonymous: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let smart: string;
  let other: string;
  let desk: Desk;
  const slugsOf = (reply: { body: { items: { slug: string }[] } }) =>
    reply.body.items.map((i) => i.slug);

  beforeAll(async () => {
    cdn = await purgeReceiver();
    process.env.CDN_PURGE_URL = cdn.url;
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    smart = (await makeSection(newsdesk.orm, 'Smart City')).slug;
    other = (await makeSection(newsdesk.orm, 'eGovernment')).slug;
    editor = await anonymous.login((await makeUser(newsdesk.orm, ['editor'])).email, PASSWORD);
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer] };
  });

  afterAll(async () => {
    delete process.env.CDN_PURGE_URL;
    await newsdesk?.stop();
    cdn?.server.close();
  });

  it('changes exactly the listings a story is in when it is published, corrected, unpublished and killed', async () => {
    const series = `Serie ${Date.now()}`;
    const tag = `Tag${Date.now()}`;
    const story = await driveToPublished(desk, { section: smart, series, tags: [tag] });
    const seriesSlug = series.toLowerCase().replace(/\s+/g, '-');
    const tagSlug = tag.toLowerCase();
    const otherBefore = await anonymous.get(`/public/sections/${other}/teasers`);

    expect(slugsOf(await anonymous.get(`/public/sections/${smart}/teasers`))[0]).toBe(story.slug);
    expect(slugsOf(await anonymous.get('/public/home?limit=50'))).toContain(story.slug);
    expect(slugsOf(await anonymous.get(`/public/series/${seriesSlug}/teasers`))).toEqual([
      story.slug,
    ]);
    expect(slugsOf(await anonymous.get(`/public/tags/${tagSlug}/teasers`))).toEqual([story.slug]);

    // A correction shows in every listing it is in.
    const edited = await editor.patch(
      `/api/articles/${story.id}`,
      { headline: 'Korrigierte Überschrift zur Meldung' },
      { 'if-match': String(story.version) },
    );
    expect(edited.status).toBe(200);
    expect(
      (
        await reviewer.post(`/api/articles/${story.id}/corrections`, {
          note: 'Überschrift präzisiert.',
        })
      ).status,
    ).toBe(200);
    await newsdesk.settle();
    for (const path of [
      `/public/sections/${smart}/teasers`,
      `/public/series/${seriesSlug}/teasers`,
      `/public/tags/${tagSlug}/teasers`,
    ]) {
      const item = (await anonymous.get(path)).body.items.find(
        (i: { slug: string }) => i.slug === story.slug,
      );
      expect(item.headline).toBe('Korrigierte Überschrift zur Meldung');
    }
    const publicStory = await anonymous.get(`/public/articles/${story.slug}`);
    expect(publicStory.body.corrections).toEqual([
      expect.objectContaining({ note: 'Überschrift präzisiert.' }),
    ]);

    // Unpublish: gone from every listing it was in; the other section untouched.
    expect((await reviewer.post(`/api/articles/${story.id}/unpublish`)).status).toBe(202);
    await newsdesk.settle();
    expect(slugsOf(await anonymous.get(`/public/sections/${smart}/teasers`))).not.toContain(
      story.slug,
    );
    expect(slugsOf(await anonymous.get('/public/home?limit=50'))).not.toContain(story.slug);
    expect((await anonymous.get(`/public/series/${seriesSlug}/teasers`)).status).toBe(404);
    expect((await anonymous.get(`/public/sections/${other}/teasers`)).body).toEqual(
      otherBefore.body,
    );

    // Kill: a second story goes down at once, everywhere.
    const second = await driveToPublished(desk, { section: smart, tags: [tag] });
    expect(slugsOf(await anonymous.get(`/public/tags/${tagSlug}/teasers`))).toEqual([second.slug]);
    expect(
      (
        await reviewer.post(`/api/articles/${second.id}/kill`, {
          reason: 'Rechtlich nicht haltbar.',
        })
      ).status,
    ).toBe(200);
    expect((await anonymous.get(`/public/articles/${second.slug}`)).status).toBe(404);
    await newsdesk.settle();
    expect((await anonymous.get(`/public/tags/${tagSlug}/teasers`)).status).toBe(404);
    expect(slugsOf(await anonymous.get(`/public/sections/${smart}/teasers`))).not.toContain(
      second.slug,
    );
  });

  it('pins stories on the home page by priority, before the newest', async () => {
    const older = await driveToPublished(desk, { section: other });
    const newer = await driveToPublished(desk, { section: other });
    expect(
      (
        await reviewer.post(`/api/articles/${older.id}/placement`, {
          homePinned: true,
          homePriority: 90,
        })
      ).status,
    ).toBe(200);
    await newsdesk.settle();
    const home = slugsOf(await anonymous.get('/public/home?limit=50'));
    expect(home[0]).toBe(older.slug);
    expect(home.indexOf(newer.slug)).toBeGreaterThan(0);
    expect(
      (await reviewer.post(`/api/articles/${older.id}/placement`, { homePriority: 101 })).status,
    ).toBe(400);
  });

  it('pages through a listing with a cursor, and refuses absurd limits and cursors', async () => {
    const section = (await makeSection(newsdesk.orm, 'Paging')).slug;
    const published = [];
    for (let i = 0; i < 5; i++) published.push((await driveToPublished(desk, { section })).slug);
    const first = await anonymous.get(`/public/sections/${section}/teasers?limit=2`);
    const second = await anonymous.get(
      `/public/sections/${section}/teasers?limit=2&cursor=${first.body.next}`,
    );
    const third = await anonymous.get(
      `/public/sections/${section}/teasers?limit=2&cursor=${second.body.next}`,
    );
    expect([...slugsOf(first), ...slugsOf(second), ...slugsOf(third)]).toEqual(
      [...published].reverse(),
    );
    expect(third.body.next).toBeNull();
    expect((await anonymous.get(`/public/sections/${section}/teasers?limit=0`)).status).toBe(400);
    expect((await anonymous.get(`/public/sections/${section}/teasers?limit=10000`)).status).toBe(
      400,
    );
    const bad = await anonymous.get(`/public/sections/${section}/teasers?cursor=not-a-cursor`);
    expect(bad.status).toBe(400);
    expect(bad.body.details.problems[0].field).toBe('cursor');
    expect(
      (
        await anonymous.get(
          `/public/sections/${section}/teasers?cursor=${first.body.next.slice(0, -3)}`,
        )
      ).status,
    ).toBe(400);
    expect((await anonymous.get('/public/sections/no-such-section/teasers')).status).toBe(404);
    expect((await anonymous.get('/public/tags/no-such-tag/teasers')).status).toBe(404);
  });

  it('answers an unchanged listing with 304 and names what it shows in Surrogate-Key', async () => {
    const story = await driveToPublished(desk, { section: smart });
    const first = await anonymous.get(`/public/sections/${smart}/teasers`);
    const etag = first.headers.get('etag');
    expect(etag).toBeTruthy();
    expect(first.headers.get('cache-control')).toMatch(/s-maxage=\d+/);
    expect(first.headers.get('cache-control')).toMatch(/stale-while-revalidate=\d+/);
    expect(first.headers.get('surrogate-key')?.split(' ')).toEqual(
      expect.arrayContaining([`section:${smart}`, `story:${story.id}`]),
    );
    const again = await anonymous.request('GET', `/public/sections/${smart}/teasers`, undefined, {
      'if-none-match': etag!,
    });
    expect(again.status).toBe(304);
    await driveToPublished(desk, { section: smart });
    const changed = await anonymous.request('GET', `/public/sections/${smart}/teasers`, undefined, {
      'if-none-match': etag!,
    });
    expect(changed.status).toBe(200);
  });

  it('sends the CDN a purge with the keys of the story and the listings that changed', async () => {
    cdn.purges.length = 0;
    const story = await driveToPublished(desk, { section: other, tags: ['Purge'] });
    await newsdesk.settle();
    const keys = cdn.purges.flat();
    expect(keys).toEqual(
      expect.arrayContaining([`story:${story.id}`, `section:${other}`, 'home', 'tag:purge']),
    );
    expect(keys).not.toContain(`section:${smart}`);
  });

  it('renames a section: its listing, its stories and the CDN follow', async () => {
    const section = await makeSection(newsdesk.orm, 'Alter Name');
    const story = await driveToPublished(desk, { section: section.slug });
    const admin = await anonymous.login((await makeUser(newsdesk.orm, ['admin'])).email, PASSWORD);
    expect(
      (await editor.request('PATCH', `/api/sections/${section.slug}`, { name: 'Neu' })).status,
    ).toBe(403);
    expect(
      (await admin.request('PATCH', `/api/sections/${section.slug}`, { slug: 'x' })).status,
    ).toBe(400);
    cdn.purges.length = 0;
    const renamed = await admin.request('PATCH', `/api/sections/${section.slug}`, {
      name: 'Neuer Name',
    });
    expect(renamed.status).toBe(200);
    await newsdesk.settle();
    expect(
      (await anonymous.get(`/public/sections/${section.slug}/teasers`)).body.section.name,
    ).toBe('Neuer Name');
    expect((await anonymous.get(`/public/articles/${story.slug}`)).body.section.name).toBe(
      'Neuer Name',
    );
    expect(cdn.purges.flat()).toContain(`section:${section.slug}`);
  });

  it('keeps the newer listing when a rebuild from an older snapshot finishes last', async () => {
    const story = await driveToPublished(desk, { section: other });
    const listings = newsdesk.api.get(ListingService);
    const key = listingKey(`section:${other}`);
    const current = JSON.parse((await newsdesk.redis.get(key))!);
    // A listing built from a snapshot in the future stands for "a newer rebuild already finished".
    const newer = {
      ...current,
      items: current.items.slice(0, 1),
      builtFrom: '2999-01-01T00:00:00.000Z',
    };
    // As the writer stores it: the listing and its version key together.
    await newsdesk.redis.mset(key, JSON.stringify(newer), `${key}:v`, newer.builtFrom);
    await listings.rebuild({ kind: 'section', slug: other });
    expect(JSON.parse((await newsdesk.redis.get(key))!).builtFrom).toBe('2999-01-01T00:00:00.000Z');
    expect(await newsdesk.redis.get(`${key}:v`)).toBe('2999-01-01T00:00:00.000Z');
    // A listing without its version key is judged by the snapshot it names.
    await newsdesk.redis.del(`${key}:v`);
    await listings.rebuild({ kind: 'section', slug: other });
    expect(JSON.parse((await newsdesk.redis.get(key))!).builtFrom).toBe('2999-01-01T00:00:00.000Z');
    // Without the newer one, the rebuild writes; delivering the event twice leaves the same listing.
    await newsdesk.redis.del(key, `${key}:v`);
    await listings.rebuild({ kind: 'section', slug: other });
    const once = JSON.parse((await newsdesk.redis.get(key))!).items;
    // Redis may have lost the script (a restart): it is loaded again, and the write still happens.
    await newsdesk.redis.script('FLUSH');
    await newsdesk.redis.del(key, `${key}:v`);
    await listings.rebuild({ kind: 'section', slug: other });
    expect(JSON.parse((await newsdesk.redis.get(key))!).items).toEqual(once);
    expect(once[0].slug).toBe(story.slug);
  });

  it('answers a repeated listing request from memory until the listing changes', async () => {
    const section = (await makeSection(newsdesk.orm, 'Memory')).slug;
    const first = await driveToPublished(desk, { section });
    const listings = newsdesk.api.get(ListingService);
    const page = jest.spyOn(listings, 'page');
    const url = `/public/sections/${section}/teasers?limit=5`;
    const a = await anonymous.get(url);
    const b = await anonymous.get(url);
    expect(b.body).toEqual(a.body);
    expect(b.headers.get('etag')).toBe(a.headers.get('etag'));
    expect(page).toHaveBeenCalledTimes(1);
    const second = await driveToPublished(desk, { section });
    const c = await anonymous.get(url);
    expect(slugsOf(c)).toEqual([second.slug, first.slug]);
    expect(page).toHaveBeenCalledTimes(2);
    page.mockRestore();
  });

  it('rebuilds a cold listing once for a burst of requests', async () => {
    await driveToPublished(desk, { section: smart });
    await newsdesk.redis.del(listingKey(`section:${smart}`));
    const listings = newsdesk.api.get(ListingService);
    const rebuild = jest.spyOn(listings, 'rebuild');
    const replies = await Promise.all(
      Array.from({ length: 50 }, () => anonymous.get(`/public/sections/${smart}/teasers`)),
    );
    expect(replies.every((r) => r.status === 200)).toBe(true);
    expect(rebuild).toHaveBeenCalledTimes(1);
    rebuild.mockRestore();
  });
});
