import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CdnPurgeService } from '@newsdesk/delivery';
import { driveToPublished, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';
import {
  documentsShowing,
  freePort,
  requestFrom,
  startVarnish,
  type Varnish,
} from './support/varnish';

/** Another loopback address: Linux answers all of 127/8, and the VCL's ACL tells them apart. */
const ELSEWHERE = '127.0.0.2';

interface EdgeReply {
  status: number;
  body: string;
  cache: string | null;
}

/**
 * Between the projector and Varnish: passes every purge on, except the next
 * one after {@link dropNext}, which it acknowledges without passing on — a CDN
 * that accepted a purge and did not carry it out (a node that missed it).
 */
async function purgeRelay(varnishUrl: string) {
  const relay = { url: '', server: null as Server | null, dropNext: false, keys: [] as string[] };
  relay.server = createServer((request, response) => {
    const keys = String(request.headers['xkey-purge'] ?? '');
    relay.keys.push(...keys.split(' '));
    request.resume();
    if (relay.dropNext) {
      relay.dropNext = false;
      response.writeHead(200, { 'xkey-purged': '0' }).end();
      return;
    }
    void fetch(`${varnishUrl}${request.url}`, {
      method: request.method,
      headers: { 'xkey-purge': keys },
    }).then(async (answer) => {
      await answer.body?.cancel();
      response.writeHead(answer.status, { 'xkey-purged': answer.headers.get('xkey-purged') ?? '' });
      response.end();
    });
  });
  await new Promise<void>((resolve) => relay.server!.listen(0, '127.0.0.1', resolve));
  relay.url = `http://127.0.0.1:${(relay.server.address() as AddressInfo).port}`;
  return relay;
}

/** An origin that records the headers of every request it gets; `/public/login-ish` sets a cookie. */
async function recordingOrigin() {
  const seen: { url: string; headers: IncomingHttpHeaders }[] = [];
  const server = createServer((request, response) => {
    seen.push({ url: request.url ?? '', headers: request.headers });
    request.resume();
    const headers: Record<string, string> = {
      'content-type': 'text/plain',
      'cache-control': 'public, max-age=60, s-maxage=300, stale-while-revalidate=600',
      'surrogate-key': 'home',
      etag: '"same"',
    };
    if (request.url?.startsWith('/public/login-ish')) headers['set-cookie'] = 'session=abc';
    response.writeHead(200, headers).end('hello');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, seen };
}

/** A counter or a histogram's count from the projector's metrics. */
async function metric(newsdesk: Newsdesk, name: string): Promise<number> {
  const text = await (await fetch(`${await newsdesk.opsUrl('projector')}/metrics`)).text();
  const line = text.split('\n').find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('the edge: Varnish with the shipped VCL in front of the API', () => {
  let newsdesk: Newsdesk;
  let varnish: Varnish;
  let relay: Awaited<ReturnType<typeof purgeRelay>>;
  let reviewer: ApiClient;
  let desk: Desk;
  let smart: string;
  let unrelated: string;

  const edge = async (path: string, headers: Record<string, string> = {}): Promise<EdgeReply> => {
    const response = await fetch(`${varnish.url}${path}`, { headers });
    return {
      status: response.status,
      body: await response.text(),
      cache: response.headers.get('x-cache'),
    };
  };
  /** Fetches each path through the edge twice: the second answer must come from the cache. */
  const warm = async (paths: string[]): Promise<Map<string, EdgeReply>> => {
    const replies = new Map<string, EdgeReply>();
    for (const path of paths) {
      await edge(path);
      const again = await edge(path);
      expect({ path, cache: again.cache, status: again.status }).toEqual({
        path,
        cache: 'HIT',
        status: 200,
      });
      replies.set(path, again);
    }
    return replies;
  };

  beforeAll(async () => {
    const apiPort = await freePort();
    varnish = await startVarnish({ backendPort: apiPort });
    relay = await purgeRelay(varnish.url);
    process.env.VARNISH_URL = relay.url;
    process.env.CDN_VERIFY_URL = varnish.url;
    process.env.CDN_ORIGIN_URL = `http://127.0.0.1:${apiPort}`;
    newsdesk = await Newsdesk.start({ apiPort });
    const anonymous = new ApiClient(newsdesk.url);
    smart = (await makeSection(newsdesk.orm, 'Smart City')).slug;
    unrelated = (await makeSection(newsdesk.orm, 'Wirtschaft')).slug;
    const editor = await anonymous.login(
      (await makeUser(newsdesk.orm, ['editor'])).email,
      PASSWORD,
    );
    reviewer = await anonymous.login((await makeUser(newsdesk.orm, ['reviewer'])).email, PASSWORD);
    desk = { newsdesk, editor, reviewers: [reviewer] };
  });

  afterAll(async () => {
    for (const name of ['VARNISH_URL', 'CDN_VERIFY_URL', 'CDN_ORIGIN_URL'])
      delete process.env[name];
    await newsdesk?.stop();
    await varnish?.stop();
    relay?.server?.close();
  });

  it('takes a killed story out of its page, every listing variant, the feeds and the sitemap; an unrelated listing stays cached', async () => {
    const tag = `Kante${Date.now()}`;
    const killed = await driveToPublished(desk, { section: smart, tags: [tag] });
    const newer = await driveToPublished(desk, { section: smart, tags: [tag] });
    await driveToPublished(desk, { section: unrelated });
    const firstPage = await edge(`/public/sections/${smart}/teasers?limit=1`);
    const cursor = (JSON.parse(firstPage.body) as { next: string }).next;
    const showing = [
      `/public/articles/${killed.slug}`,
      ...documentsShowing({ section: smart, tag, exclude: newer.slug }),
      `/public/sections/${smart}/teasers?limit=1&cursor=${encodeURIComponent(cursor)}`,
    ];
    const other = `/public/sections/${unrelated}/teasers?limit=2`;
    const before = await warm([...showing, other]);
    for (const path of showing)
      expect({ path, shows: before.get(path)!.body.includes(killed.slug) }).toEqual({
        path,
        shows: true,
      });
    const fresh = await metric(newsdesk, 'newsdesk_cdn_fresh_seconds_count');
    relay.keys.length = 0;

    expect(
      (
        await reviewer.post(`/api/articles/${killed.id}/kill`, {
          reason: 'Rechtlich nicht haltbar.',
        })
      ).status,
    ).toBe(200);
    await newsdesk.settle();

    // Purged by key, not by path: the story's and its listings' keys went to Varnish.
    expect(relay.keys).toEqual(
      expect.arrayContaining([`story:${killed.id}`, `section:${smart}`, 'home']),
    );
    expect(relay.keys).not.toContain(`section:${unrelated}`);
    expect((await edge(`/public/articles/${killed.slug}`)).status).toBe(404);
    for (const path of showing.slice(1)) {
      const reply = await edge(path);
      expect({ path, status: reply.status, shows: reply.body.includes(killed.slug) }).toEqual({
        path,
        status: 200,
        shows: false,
      });
    }
    expect((await edge(other)).cache).toBe('HIT');
    // The projector checked the edge afterwards and found it fresh, and the kill's delivery
    // receipt shows the purge sent and verified.
    expect(await metric(newsdesk, 'newsdesk_cdn_fresh_seconds_count')).toBeGreaterThan(fresh);
    const receipt = await reviewer.get(`/api/articles/${killed.id}/delivery`);
    expect(receipt.status).toBe(200);
    expect(receipt.body.cdn.verification).toBe(true);
    expect(receipt.body.cdn.purges.length).toBeGreaterThan(0);
    for (const purge of receipt.body.cdn.purges as { sentAt: string; verifiedAt: string }[])
      expect({ sent: !!purge.sentAt, verified: !!purge.verifiedAt }).toEqual({
        sent: true,
        verified: true,
      });
  });

  it('shows a publication in the story page, every listing variant, the feeds and the sitemap at once', async () => {
    const tag = `Neu${Date.now()}`;
    const older = await driveToPublished(desk, { section: smart, tags: [tag] });
    await driveToPublished(desk, { section: unrelated });
    const listings = documentsShowing({ section: smart, tag, exclude: older.slug });
    const other = `/public/sections/${unrelated}/teasers?limit=2`;
    await warm([...listings, other]);

    const story = await driveToPublished(desk, { section: smart, tags: [tag] });
    // Until now its page answered 404, which the edge does not keep: nothing could purge it.
    expect((await edge(`/public/articles/${story.slug}`)).status).toBe(200);
    for (const path of listings) {
      const reply = await edge(path);
      expect({ path, shows: reply.body.includes(story.slug) }).toEqual({ path, shows: true });
    }
    expect((await edge(other)).cache).toBe('HIT');
  });

  it('obeys purges only from the addresses it trusts', async () => {
    const path = `/public/sections/${smart}/teasers?limit=2`;
    await warm([path]);
    const refused = await requestFrom(ELSEWHERE, `${varnish.url}/`, 'PURGE', {
      'xkey-purge': `section:${smart}`,
    });
    expect(refused.status).toBe(403);
    expect((await edge(path)).cache).toBe('HIT');

    const accepted = await requestFrom('127.0.0.1', `${varnish.url}/`, 'PURGE', {
      'xkey-purge': `section:${smart}`,
    });
    expect(accepted.status).toBe(200);
    expect(Number(accepted.headers['xkey-purged'])).toBeGreaterThan(0);
    expect((await edge(path)).cache).toBe('MISS');
  });

  it('finds an edge left stale by a lost purge, counts it, purges again and proves it fresh', async () => {
    const path = `/public/sections/${smart}/teasers`;
    await warm([path]);
    const stale = await metric(newsdesk, 'newsdesk_cdn_stale_total');
    const fresh = await metric(newsdesk, 'newsdesk_cdn_fresh_seconds_count');
    relay.dropNext = true;

    const story = await driveToPublished(desk, { section: smart });

    expect(relay.dropNext).toBe(false);
    expect(await metric(newsdesk, 'newsdesk_cdn_stale_total')).toBeGreaterThan(stale);
    expect(await metric(newsdesk, 'newsdesk_cdn_fresh_seconds_count')).toBeGreaterThan(fresh);
    expect((await edge(path)).body).toContain(story.slug);
  });

  describe('in front of an origin that records what it receives', () => {
    let origin: Awaited<ReturnType<typeof recordingOrigin>>;
    let recorded: Varnish;

    beforeAll(async () => {
      origin = await recordingOrigin();
      // Only another address may purge this one: this process may not.
      recorded = await startVarnish({ backendPort: origin.port, purgers: [ELSEWHERE] });
    });

    afterAll(async () => {
      await recorded?.stop();
      origin?.server.close();
    });

    it('keeps cookies and credentials from the origin for public documents, and caches no response that sets a cookie', async () => {
      const credentials = { cookie: 'newsdesk_session=secret', authorization: 'Bearer secret' };
      await fetch(`${recorded.url}/public/home?x=1`, { headers: credentials });
      const again = await fetch(`${recorded.url}/public/home?x=1`, { headers: credentials });
      expect(again.headers.get('x-cache')).toBe('HIT');
      const publicRequests = origin.seen.filter((r) => r.url === '/public/home?x=1');
      expect(publicRequests).toHaveLength(1);
      expect(publicRequests[0].headers.cookie).toBeUndefined();
      expect(publicRequests[0].headers.authorization).toBeUndefined();

      // The API itself gets them (and is never cached).
      await fetch(`${recorded.url}/api/articles`, { headers: credentials });
      const api = origin.seen.find((r) => r.url === '/api/articles');
      expect(api?.headers.cookie).toBe(credentials.cookie);
      expect(api?.headers.authorization).toBe(credentials.authorization);

      for (let i = 0; i < 2; i++) {
        const reply = await fetch(`${recorded.url}/public/login-ish`);
        expect(reply.headers.get('x-cache')).toBe('MISS');
      }
      expect(origin.seen.filter((r) => r.url === '/public/login-ish')).toHaveLength(2);
    });

    it('refuses a purge from an address it does not trust, which the purge job takes as a failure to retry', async () => {
      const purges = new CdnPurgeService(newsdesk.orm.em, {
        ...newsdesk.config,
        cdn: { ...newsdesk.config.cdn, purgeUrl: undefined, varnishUrl: recorded.url },
      });
      await expect(purges.purge({ keys: ['home'] })).rejects.toThrow(/403/);

      const trusted = await requestFrom(ELSEWHERE, `${recorded.url}/`, 'PURGE', {
        'xkey-purge': 'home',
      });
      expect(trusted.status).toBe(200);
      expect(trusted.headers['xkey-purged']).toBe('1');
      const missing = await requestFrom(ELSEWHERE, `${recorded.url}/`, 'PURGE');
      expect(missing.status).toBe(400);
    });
  });
});
