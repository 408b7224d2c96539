import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { FixedClock } from '@newsdesk/common';
import { s3ClientSettings } from '@newsdesk/config';
import type { Role } from '@newsdesk/identity';
import { ObjectStorage, PendingUpload, SWEEP_GRACE_MS, UploadSweeper } from '@newsdesk/media';
import { hugeBlankPng, photoJpeg, withIptc } from '@newsdesk/testing';
import { ApiClient, type Reply } from './support/http';
import { makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';

interface Ticket {
  token: string;
  url: string;
  method: 'PUT';
  headers: Record<string, string>;
  expiresAt: string;
}

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const unique = () => randomUUID().slice(0, 8);

describe('direct uploads: the file goes to S3 on a presigned URL, the API registers it', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let photo: ApiClient;
  let editor: ApiClient;
  let reviewer: ApiClient;
  let s3: S3Client;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    s3 = new S3Client(s3ClientSettings(newsdesk.config));
    photo = await signIn(['photo_desk']);
    editor = await signIn(['editor']);
    reviewer = await signIn(['reviewer']);
  });

  afterAll(async () => {
    s3?.destroy();
    await newsdesk?.stop();
  });

  async function signIn(roles: Role[]): Promise<ApiClient> {
    const user = await makeUser(newsdesk.orm, roles);
    return anonymous.login(user.email, PASSWORD);
  }

  const freshPhoto = async () =>
    withIptc(await photoJpeg(640, 480), { caption: `Direkt hochgeladen ${unique()}` });

  const announce = (file: Buffer, contentType = 'image/jpeg') => ({
    sha256: sha256(file),
    bytes: file.length,
    contentType,
  });

  async function start(who: ApiClient, file: Buffer): Promise<Ticket> {
    const reply = await who.post<Ticket>('/api/images/uploads', announce(file));
    expect(reply.status).toBe(201);
    return reply.body;
  }

  async function put(ticket: Ticket, body: Buffer): Promise<number> {
    const response = await fetch(ticket.url, {
      method: ticket.method,
      headers: ticket.headers,
      body,
    });
    await response.arrayBuffer();
    return response.status;
  }

  const complete = (
    who: ApiClient,
    token: string,
    text: Record<string, string> = {},
  ): Promise<Reply> => who.post('/api/images/uploads/complete', { token, ...text });

  async function originals(): Promise<string[]> {
    const page = await s3.send(
      new ListObjectsV2Command({ Bucket: newsdesk.config.s3.bucket, Prefix: 'originals/' }),
    );
    return (page.Contents ?? []).map((o) => o.Key!).sort();
  }

  const keyOf = (ticket: Ticket) => new URL(ticket.url).pathname.split('/').slice(2).join('/');

  /** A token for the given claims, signed as the API signs them (the test knows the secret). */
  function forgedToken(claims: Record<string, unknown>): string {
    const key = createHmac('sha256', newsdesk.config.jwt.secret)
      .update('newsdesk-direct-upload')
      .digest();
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${createHmac('sha256', key).update(payload).digest('base64url')}`;
  }

  it('stores the file where the URL points, renders it, and answers the same image for the same bytes', async () => {
    const file = await freshPhoto();
    const ticket = await start(photo, file);
    expect(ticket.method).toBe('PUT');
    expect(ticket.headers['content-type']).toBe('image/jpeg');
    expect(Date.parse(ticket.expiresAt) - Date.now()).toBeGreaterThan(10 * 60 * 1000);
    expect(keyOf(ticket)).toMatch(/^originals\/[0-9a-f-]{36}\.jpg$/);

    expect(await put(ticket, file)).toBe(200);
    const done = await complete(photo, ticket.token, { alt: 'Direkt in den Speicher' });
    expect(done.status).toBe(202);
    expect(done.body).toMatchObject({ status: 'processing', created: true });

    const stored = await s3.send(
      new GetObjectCommand({ Bucket: newsdesk.config.s3.bucket, Key: keyOf(ticket) }),
    );
    expect(Buffer.from(await stored.Body!.transformToByteArray()).equals(file)).toBe(true);

    await newsdesk.settle();
    const image = (await photo.get(`/api/images/${done.body.id}`)).body;
    expect(image).toMatchObject({
      status: 'ready',
      failureReason: null,
      mimeType: 'image/jpeg',
      bytes: file.length,
      width: 640,
      height: 480,
      alt: 'Direkt in den Speicher',
    });
    expect(image.caption).toMatch(/^Direkt hochgeladen /); // read from the file's IPTC
    expect(image.renditions.length).toBeGreaterThan(0);

    // Completing again, or announcing the same bytes again: the same image, nothing to upload.
    const again = await complete(photo, ticket.token);
    expect(again.status).toBe(200);
    expect(again.body).toEqual({ id: done.body.id, status: 'ready', created: false });
    const before = await originals();
    const restart = await editor.post('/api/images/uploads', announce(file));
    expect(restart.status).toBe(200);
    expect(restart.body).toEqual({ id: done.body.id, status: 'ready', created: false });
    expect(await originals()).toEqual(before);
  });

  it('deletes a file of another size or format than announced; the token works for a second try', async () => {
    const file = await freshPhoto();
    const ticket = await start(photo, file);
    const before = await originals();

    expect(await put(ticket, Buffer.concat([file, Buffer.from('mehr')]))).toBe(200);
    const longer = await complete(photo, ticket.token);
    expect(longer.status).toBe(400);
    expect(JSON.stringify(longer.body)).toContain('were announced');
    expect(await originals()).toEqual(before);

    // Shorter than the bytes that tell the format, and empty: the size read all the same.
    for (const short of [file.subarray(0, 10), Buffer.alloc(0)]) {
      expect(await put(ticket, short)).toBe(200);
      const reply = await complete(photo, ticket.token);
      expect(reply.status).toBe(400);
      expect(JSON.stringify(reply.body)).toContain(`${short.length} bytes arrived where`);
      expect(await originals()).toEqual(before);
    }

    const png = hugeBlankPng(64, 64);
    const padded = Buffer.concat([png, Buffer.alloc(Math.max(0, file.length - png.length))]);
    expect(await put(ticket, padded.subarray(0, file.length))).toBe(200);
    const notJpeg = await complete(photo, ticket.token);
    expect(notJpeg.status).toBe(415);
    expect(await originals()).toEqual(before);

    expect(await put(ticket, file)).toBe(200);
    const right = await complete(photo, ticket.token);
    expect(right.status).toBe(202);
    expect(await originals()).toEqual([...before, keyOf(ticket)].sort());
  });

  it('fails the image when the stored bytes are not those announced, names why, and lets the real file come after', async () => {
    const file = await freshPhoto();
    const other = Buffer.from(file);
    other[other.length - 100] ^= 0xff; // same size, same format, other bytes
    const ticket = await start(photo, file);
    expect(await put(ticket, other)).toBe(200);
    const done = await complete(photo, ticket.token);
    expect(done.status).toBe(202);

    await newsdesk.settle();
    const image = (await photo.get(`/api/images/${done.body.id}`)).body;
    expect(image.status).toBe('failed');
    expect(image.failureReason).toContain('not the one announced');
    expect(image.failureReason).toContain(sha256(other));
    expect(image.renditions).toEqual([]);

    // The failed image gave up the announced hash: the real file is a new upload, not it.
    const retry = await start(photo, file);
    expect(await put(retry, file)).toBe(200);
    const right = await complete(photo, retry.token);
    expect(right.status).toBe(202);
    expect(right.body).toMatchObject({ status: 'processing', created: true });
    expect(right.body.id).not.toBe(done.body.id);
    await newsdesk.settle();
    expect((await photo.get(`/api/images/${right.body.id}`)).body.status).toBe('ready');
    expect((await photo.get(`/api/images/${done.body.id}`)).body.status).toBe('failed');
  });

  it('deletes what an upload never completed left behind, an hour after its token ran out', async () => {
    const [abandoned, neverPut, refused, completed] = await Promise.all(
      [1, 2, 3, 4].map(async () => {
        const file = await freshPhoto();
        return { file, ticket: await start(photo, file) };
      }),
    );
    // The same bytes announced twice before either was completed: the second completion
    // answers the first's image and deletes its own copy.
    const duplicate = { file: completed.file, ticket: await start(photo, completed.file) };
    expect(await put(abandoned.ticket, abandoned.file)).toBe(200);
    expect(await put(refused.ticket, Buffer.concat([refused.file, Buffer.from('x')]))).toBe(200);
    expect((await complete(photo, refused.ticket.token)).status).toBe(400);
    expect(await put(completed.ticket, completed.file)).toBe(200);
    expect(await put(duplicate.ticket, duplicate.file)).toBe(200);
    const done = await complete(photo, completed.ticket.token);
    expect(done.status).toBe(202);
    const second = await complete(photo, duplicate.ticket.token);
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: done.body.id, created: false });
    expect(await originals()).not.toContain(keyOf(duplicate.ticket));

    const keys = [abandoned, neverPut, refused, completed, duplicate].map((u) => keyOf(u.ticket));
    const pending = async () =>
      (await newsdesk.orm.em.fork().find(PendingUpload, { key: { $in: keys } }))
        .map((u) => u.key)
        .sort();
    // The completed upload's row went with its image; the others wait for their tokens,
    // the duplicate's too, in case deleting its copy failed.
    expect(await pending()).toEqual([keys[0], keys[1], keys[2], keys[4]].sort());

    const storage = new ObjectStorage(newsdesk.config);
    const sweepAt = async (ms: number) => {
      const clock = new FixedClock(new Date(ms));
      return new UploadSweeper(newsdesk.orm.em, storage, clock).sweep();
    };
    try {
      const expired = Date.parse(abandoned.ticket.expiresAt);
      await sweepAt(expired + SWEEP_GRACE_MS - 60_000); // a minute too early: nothing of these
      expect(await pending()).toEqual([keys[0], keys[1], keys[2], keys[4]].sort());
      expect(await originals()).toContain(keys[0]);

      expect(await sweepAt(expired + SWEEP_GRACE_MS + 60_000)).toBeGreaterThanOrEqual(4);
      expect(await pending()).toEqual([]);
      const left = await originals();
      expect(left).not.toContain(keys[0]);
      expect(left).toContain(keys[3]); // the completed upload's original stays

      await newsdesk.settle();
      const image = (await photo.get(`/api/images/${done.body.id}`)).body;
      expect(image.status).toBe('ready');
      // Swept again (another replica, a retry): nothing more goes.
      await sweepAt(expired + SWEEP_GRACE_MS + 120_000);
      expect(await originals()).toEqual(left);
    } finally {
      storage.onModuleDestroy();
    }
  });

  describe('refusals change nothing', () => {
    it('nothing PUT yet: 409; an altered token: 400; a run-out one: 410; someone else’s: 403', async () => {
      const file = await freshPhoto();
      const ticket = await start(photo, file);
      const before = await originals();

      const early = await complete(photo, ticket.token);
      expect(early.status).toBe(409);

      const altered = `${ticket.token.slice(0, -2)}${ticket.token.endsWith('AA') ? 'BB' : 'AA'}`;
      expect((await complete(photo, altered)).status).toBe(400);
      expect((await complete(photo, 'kein-token')).status).toBe(400);

      expect(await put(ticket, file)).toBe(200);
      const claims = JSON.parse(
        Buffer.from(ticket.token.split('.')[0], 'base64url').toString('utf8'),
      ) as Record<string, unknown>;
      const runOut = await complete(photo, forgedToken({ ...claims, exp: 1 }));
      expect(runOut.status).toBe(410);
      const foreign = await complete(editor, ticket.token);
      expect(foreign.status).toBe(403);
      expect(await originals()).toEqual([...before, keyOf(ticket)].sort()); // still there, unregistered

      expect((await complete(photo, ticket.token)).status).toBe(202);
    });

    it('a bad announcement: 400 naming the field; too large: 413; no token: 401; a reviewer: 403', async () => {
      const file = await freshPhoto();
      const good = announce(file);
      const refused = (body: unknown, who: ApiClient = photo): Promise<Reply> =>
        who.post('/api/images/uploads', body);

      const badHash = await refused({ ...good, sha256: 'abc' });
      expect(badHash.status).toBe(400);
      expect(JSON.stringify(badHash.body)).toContain('sha256');
      const html = await refused({ ...good, contentType: 'text/html' });
      expect(html.status).toBe(400);
      expect(JSON.stringify(html.body)).toContain('contentType');
      expect((await refused({ ...good, bytes: 0 })).status).toBe(400);
      expect((await refused({ ...good, extra: 1 })).status).toBe(400);
      const huge = await refused({ ...good, bytes: newsdesk.config.images.maxBytes + 1 });
      expect(huge.status).toBe(413);
      expect((await refused(good, anonymous)).status).toBe(401);
      expect((await refused(good, reviewer)).status).toBe(403);
      expect(
        (await photo.post('/api/images/uploads/complete', { token: 'x', alt: 7 })).status,
      ).toBe(400);
    });
  });
});
