import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3';
import { createHash, randomUUID } from 'node:crypto';
import { EntityManager } from '@mikro-orm/postgresql';
import sharp from 'sharp';
import { presetsHash, s3ClientSettings } from '@newsdesk/config';
import type { Section } from '@newsdesk/editorial';
import type { Role } from '@newsdesk/identity';
import { Clock } from '@newsdesk/common';
import {
  Image,
  ImageProcessingService,
  ImageRenderer,
  ObjectStorage,
  Rendition,
  WHOLE_UPLOAD_BYTES,
} from '@newsdesk/media';
import { hugeBlankPng, oversizedJpeg, photoJpeg, sidewaysJpeg, withIptc } from '@newsdesk/testing';
import { ApiClient, type Reply } from './support/http';
import {
  approveEveryStep,
  publishNow,
  submitForReview,
  writeDraft,
  type Desk,
} from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { Newsdesk } from './support/newsdesk';
import { S3Proxy } from './support/s3-proxy';

interface RenditionView {
  preset: string;
  format: 'avif' | 'webp' | 'jpeg';
  width: number;
  height: number;
  bytes: number;
  url: string;
}

interface ImageView {
  id: string;
  status: 'processing' | 'ready' | 'failed';
  failureReason: string | null;
  width: number | null;
  height: number | null;
  alt: string;
  caption: string;
  credit: string;
  focalPoint: { x: number; y: number } | null;
  blurhash: string | null;
  dominantColor: string | null;
  original: string;
  renditions: RenditionView[];
}

/** A user of the given roles, signed in: a JSON client and the raw token (for multipart uploads). */
interface Session {
  api: ApiClient;
  token: string;
}

const unique = () => randomUUID().slice(0, 8);
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const AGENCY_CREDIT = 'Bildquelle: Max Muster/Agentur';
const FIFTY_MB = 50 * 1024 * 1024;
const FORMATS = ['avif', 'webp', 'jpeg'] as const;

/**
 * The colour of a box given as fractions of the picture (0..1): "red" or
 * "blue" (the halves of {@link sidewaysJpeg}), otherwise its mean as rgb().
 */
async function colourAt(
  file: Buffer,
  box: { left: number; top: number; width: number; height: number },
): Promise<string> {
  const { width = 0, height = 0 } = await sharp(file).metadata();
  // Not `.extract().stats()`: sharp's stats() measures the whole input, ignoring extract().
  const { data, info } = await sharp(file)
    .extract({
      left: Math.round(box.left * width),
      top: Math.round(box.top * height),
      width: Math.round(box.width * width),
      height: Math.round(box.height * height),
    })
    .raw()
    .toBuffer({ resolveWithObject: true });
  const sums = [0, 0, 0];
  for (let i = 0; i < data.length; i += info.channels)
    for (let c = 0; c < 3; c++) sums[c] += data[i + c];
  const [r, g, b] = sums.map((sum) => Math.round(sum / (info.width * info.height)));
  if (r > 150 && g < 90 && b < 90) return 'red';
  if (r < 90 && b > 150) return 'blue';
  return `rgb(${r}, ${g}, ${b})`;
}

describe('images: upload, renditions in S3, editing, and their way into stories', () => {
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let photo: Session;
  let editor: Session;
  let reviewer: Session;
  let section: Section;
  let s3: S3Client;
  let publicUrl: string;

  beforeAll(async () => {
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    publicUrl = newsdesk.config.s3.publicUrl;
    s3 = new S3Client(s3ClientSettings(newsdesk.config));
    photo = await signIn(['photo_desk'], 'Paula Foto');
    editor = await signIn(['editor'], 'Erika Editor');
    reviewer = await signIn(['reviewer'], 'Rolf Review');
    section = await makeSection(newsdesk.orm, 'Bilder');
  });

  afterAll(async () => {
    s3?.destroy();
    await newsdesk?.stop();
  });

  async function signIn(roles: Role[], name?: string): Promise<Session> {
    const user = await makeUser(newsdesk.orm, roles, name);
    const reply = await anonymous.post<{ accessToken: string }>('/api/auth/login', {
      email: user.email,
      password: PASSWORD,
    });
    expect(reply.status).toBe(200);
    return { api: anonymous.as(reply.body.accessToken), token: reply.body.accessToken };
  }

  /** `POST /api/images` as multipart/form-data: the text parts, then (unless null) the file. */
  async function upload(
    who: Session | null,
    file: Buffer | null,
    fields: Record<string, string> = {},
    { name = 'photo.jpg', type = 'image/jpeg' } = {},
  ): Promise<Reply> {
    const form = new FormData();
    for (const [key, value] of Object.entries(fields)) form.append(key, value);
    if (file) form.append('file', new Blob([file], { type }), name);
    const response = await fetch(`${newsdesk.url}/api/images`, {
      method: 'POST',
      body: form,
      headers: who ? { authorization: `Bearer ${who.token}` } : {},
    });
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : null;
    } catch {
      // keep the text
    }
    return { status: response.status, body, headers: response.headers };
  }

  async function getImage(id: string): Promise<ImageView> {
    const reply = await photo.api.get<ImageView>(`/api/images/${id}`);
    expect(reply.status).toBe(200);
    return reply.body;
  }

  /** Uploads a file, waits for its processing and returns the ready image. */
  async function readyImage(file: Buffer, fields: Record<string, string> = {}): Promise<ImageView> {
    const reply = await upload(photo, file, fields);
    expect(reply.status).toBe(202);
    await newsdesk.settle();
    const image = await getImage(reply.body.id);
    expect(image).toMatchObject({ status: 'ready', failureReason: null });
    return image;
  }

  /** A small photo whose bytes no other test uploads (the same bytes would be deduplicated). */
  const freshPhoto = async (width = 800, height = 600) =>
    withIptc(await photoJpeg(width, height), { caption: `Testbild ${unique()}` });

  async function download(url: string): Promise<{ body: Buffer; contentType: string | null }> {
    const response = await fetch(url);
    expect(response.status).toBe(200);
    return {
      body: Buffer.from(await response.arrayBuffer()),
      contentType: response.headers.get('content-type'),
    };
  }

  async function keysUnder(prefix: string): Promise<string[]> {
    const keys: string[] = [];
    let token: string | undefined;
    do {
      const page = await s3.send(
        new ListObjectsV2Command({
          Bucket: newsdesk.config.s3.bucket,
          Prefix: prefix,
          ContinuationToken: token,
        }),
      );
      keys.push(...(page.Contents ?? []).map((o) => o.Key!));
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return keys.sort();
  }

  async function etagOf(key: string): Promise<string | undefined> {
    const head = await s3.send(
      new HeadObjectCommand({ Bucket: newsdesk.config.s3.bucket, Key: key }),
    );
    return head.ETag;
  }

  /** What the upload path may leave in the bucket; a refused upload must add nothing here. */
  const uploadArea = async () => ({
    uploads: await keysUnder('uploads/'),
    originals: await keysUnder('originals/'),
  });

  const byPreset = (image: ImageView, preset: string) =>
    image.renditions.filter((r) => r.preset === preset);

  /** `(preset, format, width)` of every rendition, sorted: what was rendered, whatever the keys. */
  const shapeOf = (renditions: RenditionView[]) =>
    renditions.map((r) => `${r.preset} ${r.format} ${r.width}x${r.height}`).sort();

  it('renders a sideways camera JPEG upright, in every preset and format, without its metadata, prefilled from IPTC', async () => {
    const caption = `Smarte Abfallbehälter in Arnsberg – „im Test“ ${unique()}`;
    const file = await sidewaysJpeg(1600, 1200, { credit: AGENCY_CREDIT, caption });
    expect(file.includes('SN-123456')).toBe(true); // the fixture does carry what must not leak

    const accepted = await upload(photo, file, {
      alt: 'Ein Sensor am Deckel eines Abfallbehälters',
    });
    expect(accepted.status).toBe(202);
    expect(accepted.body).toEqual({ id: expect.any(String), status: 'processing', created: true });

    await newsdesk.settle();
    const image = await getImage(accepted.body.id);
    expect(image).toMatchObject({
      status: 'ready',
      failureReason: null,
      width: 1600,
      height: 1200,
      alt: 'Ein Sensor am Deckel eines Abfallbehälters',
      caption,
      credit: AGENCY_CREDIT,
      focalPoint: null,
      original: `${publicUrl}/originals/${sha256(file)}.jpg`,
    });
    expect(image.blurhash).toMatch(/^[0-9A-Za-z#$%*+,.:;=?@[\]^_{|}~-]{20,}$/);
    expect(image.dominantColor).toMatch(/^#[0-9a-f]{6}$/);

    // No upscaling: hero stops at 1280 (1920 > 1600), the others at their widths.
    expect(shapeOf(image.renditions)).toEqual(
      (
        [
          ['teaser', 320, 240],
          ['teaser', 640, 480],
          ['hero', 768, 432],
          ['hero', 1280, 720],
          ['original', 800, 600],
          ['original', 1600, 1200],
        ] as const
      )
        .flatMap(([preset, width, height]) =>
          FORMATS.map((f) => `${preset} ${f} ${width}x${height}`),
        )
        .sort(),
    );

    const sharpFormat = { avif: 'heif', webp: 'webp', jpeg: 'jpeg' } as const;
    const contentType = { avif: 'image/avif', webp: 'image/webp', jpeg: 'image/jpeg' } as const;
    for (const rendition of image.renditions) {
      const { body, contentType: served } = await download(rendition.url);
      expect(served).toBe(contentType[rendition.format]);
      expect(body.length).toBe(rendition.bytes);
      const meta = await sharp(body).metadata();
      expect({
        url: rendition.url,
        format: meta.format,
        width: meta.width,
        height: meta.height,
        orientation: meta.orientation,
        exif: meta.exif,
        iptc: meta.iptc,
        xmp: meta.xmp,
      }).toEqual({
        url: rendition.url,
        format: sharpFormat[rendition.format],
        width: rendition.width,
        height: rendition.height,
        orientation: undefined,
        exif: undefined,
        iptc: undefined,
        xmp: undefined,
      });
      const secrets = ['SN-123456', 'TestCam', 'Max Muster', 'Bildquelle'];
      expect({ url: rendition.url, leaks: secrets.filter((text) => body.includes(text)) }).toEqual({
        url: rendition.url,
        leaks: [],
      });
    }

    // Upright: landscape, red on the left, blue on the right — in every format.
    for (const rendition of byPreset(image, 'original')) {
      const { body } = await download(rendition.url);
      expect(rendition.width).toBeGreaterThan(rendition.height);
      expect(await colourAt(body, { left: 0.05, top: 0.1, width: 0.35, height: 0.8 })).toBe('red');
      expect(await colourAt(body, { left: 0.6, top: 0.1, width: 0.35, height: 0.8 })).toBe('blue');
    }
  });

  it('lists images newest first, paged, searched over caption, credit and alt text, and filtered by status', async () => {
    const word = `Listenprobe${unique()}`;
    const older = await readyImage(await freshPhoto(), { alt: `Ein ${word} am Rathaus` });
    const newer = await readyImage(await freshPhoto(), { credit: `Foto: ${word}` });
    const unrelated = await readyImage(await freshPhoto(), { caption: 'Etwas ganz anderes' });

    const found = await photo.api.get(`/api/images?q=${encodeURIComponent(word.toLowerCase())}`);
    expect(found.status).toBe(200);
    expect(found.body.total).toBe(2);
    expect(found.body.items.map((i: ImageView) => i.id)).toEqual([newer.id, older.id]);
    expect(found.body.items[0].renditions.length).toBeGreaterThan(0);

    const firstPage = await editor.api.get('/api/images?limit=2');
    expect(firstPage.status).toBe(200);
    expect(firstPage.body.items.map((i: ImageView) => i.id)).toEqual([unrelated.id, newer.id]);
    const secondPage = await editor.api.get('/api/images?limit=2&offset=1');
    expect(secondPage.body.items[0].id).toBe(newer.id);
    expect(secondPage.body.total).toBe(firstPage.body.total);

    // LIKE's wildcards are searched for as they are.
    expect((await photo.api.get('/api/images?q=%25')).body.total).toBe(0);
    const ready = await photo.api.get(`/api/images?status=ready&q=${word}`);
    expect(ready.body.total).toBe(2);
    expect((await photo.api.get(`/api/images?status=failed&q=${word}`)).body.total).toBe(0);

    for (const [query, field] of [
      ['status=lost', 'status'],
      ['limit=101', 'limit'],
      ['limit=0', 'limit'],
    ]) {
      const bad = await photo.api.get(`/api/images?${query}`);
      expect(bad.status).toBe(400);
      expect(bad.body.details.problems.map((p: { field: string }) => p.field)).toEqual([field]);
    }
  });

  it('keeps the credit the photo desk typed over the one in the file', async () => {
    const caption = `Rathaus Arnsberg ${unique()}`;
    const file = await sidewaysJpeg(800, 600, { credit: AGENCY_CREDIT, caption });
    const image = await readyImage(file, { alt: 'Das Rathaus', credit: 'Foto: Redaktion' });
    expect(image).toMatchObject({ credit: 'Foto: Redaktion', caption, alt: 'Das Rathaus' });
  });

  it('stores the same bytes once: the second upload answers 200 with the first image', async () => {
    const file = await freshPhoto();
    const before = await uploadArea();

    const first = await upload(photo, file, { alt: 'Erstes Hochladen' });
    expect(first.status).toBe(202);
    const second = await upload(photo, file, { alt: 'Zweites Hochladen' });
    expect(second.status).toBe(200);
    expect(second.body).toMatchObject({ id: first.body.id, created: false });

    await newsdesk.settle();
    const third = await upload(editor, file);
    expect(third.status).toBe(200);
    expect(third.body).toMatchObject({ id: first.body.id, created: false });

    const image = await getImage(first.body.id);
    expect(image.status).toBe('ready');
    expect(image.alt).toBe('Erstes Hochladen');
    const originalKey = `originals/${sha256(file)}.jpg`;
    expect(image.original).toBe(`${publicUrl}/${originalKey}`);
    // Stored whole before the API let go of its bytes.
    const original = await s3.send(
      new GetObjectCommand({ Bucket: newsdesk.config.s3.bucket, Key: originalKey }),
    );
    expect(sha256(Buffer.from(await original.Body!.transformToByteArray()))).toBe(sha256(file));
    expect(await newsdesk.orm.em.fork().count(Image, { contentHash: sha256(file) })).toBe(1);
    const after = await uploadArea();
    expect(after.uploads).toEqual(before.uploads);
    expect(after.originals).toEqual([...before.originals, originalKey].sort());
  });

  it('streams a file too large to hold in memory through a temporary key, and stores it under its hash', async () => {
    const file = oversizedJpeg(WHOLE_UPLOAD_BYTES + 64 * 1024);
    const before = await uploadArea();

    const first = await upload(photo, file, { alt: 'Große Datei' });
    expect(first.status).toBe(202);
    const again = await upload(photo, file, { alt: 'Noch einmal' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: first.body.id, created: false });

    const originalKey = `originals/${sha256(file)}.jpg`;
    const stored = await s3.send(
      new HeadObjectCommand({ Bucket: newsdesk.config.s3.bucket, Key: originalKey }),
    );
    expect(stored.ContentLength).toBe(file.length);
    const after = await uploadArea();
    expect(after.uploads).toEqual(before.uploads); // both temporary keys are gone
    expect(after.originals).toEqual([...before.originals, originalKey].sort());
    await newsdesk.settle(); // its padding does not decode: the job marks it failed
    expect((await getImage(first.body.id)).status).toBe('failed');
  });

  describe('refusals', () => {
    it.each([
      ['a text file named photo.jpg', 'Dies ist kein Foto, nur Text.', 'photo.jpg', 'image/jpeg'],
      [
        'an SVG with a script',
        '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script></svg>',
        'logo.svg',
        'image/svg+xml',
      ],
      [
        'an HTML page',
        '<!doctype html><html><body><img src=x onerror="alert(1)"></body></html>',
        'photo.jpg',
        'image/jpeg',
      ],
    ])('refuses %s with 415 and leaves nothing in the bucket', async (_what, text, name, type) => {
      const before = await uploadArea();
      const reply = await upload(photo, Buffer.from(text), { alt: 'x' }, { name, type });
      expect(reply.status).toBe(415);
      expect(reply.body.error).toBe('unsupported_media_type');
      expect(reply.body.details.problems[0].field).toBe('file');
      expect(await uploadArea()).toEqual(before);
    });

    it('refuses a file over the size limit with 413 and leaves nothing in the bucket', async () => {
      expect(newsdesk.config.images.maxBytes).toBe(FIFTY_MB);
      const before = await uploadArea();
      const reply = await upload(photo, oversizedJpeg(FIFTY_MB + 1024), { alt: 'zu groß' });
      expect(reply.status).toBe(413);
      expect(reply.body.error).toBe('payload_too_large');
      expect(reply.body.details.problems[0].field).toBe('file');
      expect(await uploadArea()).toEqual(before);
    });

    it('marks a truncated JPEG failed with a readable reason, and the worker goes on', async () => {
      const whole = await freshPhoto(1200, 900);
      const half = whole.subarray(0, Math.floor(whole.length / 2));
      const accepted = await upload(photo, half, { alt: 'abgeschnitten' });
      expect(accepted.status).toBe(202);

      await newsdesk.settle();
      const failed = await getImage(accepted.body.id);
      expect(failed.status).toBe('failed');
      expect(failed.failureReason).toMatch(/cannot be decoded/);
      expect(failed.renditions).toEqual([]);

      await readyImage(await freshPhoto(), { alt: 'danach' });
    });

    it('marks a 400-megapixel PNG of a few kilobytes failed at the pixel limit, and the worker goes on', async () => {
      const bomb = hugeBlankPng(20_000, 20_000);
      expect(bomb.length).toBeLessThan(100 * 1024);
      const accepted = await upload(
        photo,
        bomb,
        { alt: 'Bombe' },
        { name: 'x.png', type: 'image/png' },
      );
      expect(accepted.status).toBe(202);

      await newsdesk.settle();
      const failed = await getImage(accepted.body.id);
      expect(failed.status).toBe('failed');
      expect(failed.failureReason).toMatch(/pixel/i);
      expect(failed.failureReason).toMatch(/limit/i);
      expect(failed.renditions).toEqual([]);

      await readyImage(await freshPhoto(), { alt: 'danach' });
    });
  });

  it('re-crops only the cropped presets around a new focal point', async () => {
    // 2:1, so that a 4:3 teaser has room to move: with x = 0.1 it is cut from the left (red) side.
    const image = await readyImage(
      await sidewaysJpeg(2400, 1200, { caption: `Breitbild ${unique()}` }),
      { alt: 'Rot und Blau' },
    );

    const patched = await photo.api.patch(`/api/images/${image.id}`, {
      focalPoint: { x: 0.1, y: 0.5 },
    });
    expect(patched.status).toBe(200);
    expect(patched.body.focalPoint).toEqual({ x: 0.1, y: 0.5 });
    await newsdesk.settle();

    const recropped = await getImage(image.id);
    expect(recropped.status).toBe('ready');
    expect(byPreset(recropped, 'original')).toEqual(byPreset(image, 'original'));
    const cropped = (view: ImageView) => [...byPreset(view, 'hero'), ...byPreset(view, 'teaser')];
    expect(shapeOf(cropped(recropped))).toEqual(shapeOf(cropped(image)));
    const oldUrls = cropped(image).map((r) => r.url);
    for (const rendition of cropped(recropped)) {
      expect(rendition.url).toContain('f0.100x0.500');
      expect(oldUrls).not.toContain(rendition.url);
    }

    const teaser = recropped.renditions.find(
      (r) => r.preset === 'teaser' && r.format === 'jpeg' && r.width === 640,
    )!;
    const { body } = await download(teaser.url);
    expect(await colourAt(body, { left: 0.05, top: 0.1, width: 0.6, height: 0.8 })).toBe('red');
    expect(await colourAt(body, { left: 0.85, top: 0.1, width: 0.1, height: 0.8 })).toBe('blue');
  });

  it('leaves identical objects and rows when the processing job runs again', async () => {
    const file = await freshPhoto(1000, 750);
    const image = await readyImage(file, { alt: 'Zweimal verarbeitet' });
    const prefix = `renditions/${sha256(file)}/`;

    const state = async () => {
      const rows = await newsdesk.orm.em
        .fork()
        .find(Rendition, { image: image.id }, { orderBy: { key: 'asc' } });
      const keys = await keysUnder(prefix);
      return {
        renditions: (await getImage(image.id)).renditions,
        rows: rows.map((r) => ({
          id: r.id,
          preset: r.preset,
          format: r.format,
          width: r.width,
          actualWidth: r.actualWidth,
          height: r.height,
          bytes: r.bytes,
          key: r.key,
        })),
        objects: await Promise.all(keys.map(async (key) => ({ key, etag: await etagOf(key) }))),
      };
    };

    const before = await state();
    // 1000 px wide: teaser 320 and 640, hero 768, original 800; three formats each.
    expect(before.rows).toHaveLength(12);
    expect(before.objects.map((o) => o.key)).toEqual(before.rows.map((r) => r.key).sort());

    await newsdesk.media!.get(ImageProcessingService).handleImageProcess({
      imageId: image.id,
      scope: 'all',
      presetsHash: presetsHash(newsdesk.config.images.presets),
    });
    await newsdesk.settle();

    expect(await state()).toEqual(before);
  });

  it('fails the job when S3 refuses a rendition, keeps the rows as they were, and the retry writes them all', async () => {
    const file = await freshPhoto(1000, 750);
    const image = await readyImage(file, { alt: 'Neu zugeschnitten' });
    const rowKeys = async () =>
      (await newsdesk.orm.em.fork().find(Rendition, { image: image.id })).map((r) => r.key).sort();
    const before = await rowKeys();
    const prefix = `renditions/${sha256(file)}/`;
    // A new focal point without the job the API would queue for it: the test runs that job.
    await newsdesk.orm.em
      .fork()
      .nativeUpdate(Image, { id: image.id }, { focalPoint: { x: 0.25, y: 0.3 } });
    const proxy = new S3Proxy(new URL(newsdesk.config.s3.endpoint!));
    const endpoint = await proxy.start();
    const storage = new ObjectStorage({
      ...newsdesk.config,
      s3: { ...newsdesk.config.s3, endpoint },
    });
    const media = newsdesk.media!;
    const job = new ImageProcessingService(
      media.get(EntityManager),
      storage,
      media.get(ImageRenderer),
      media.get(Clock),
      newsdesk.config,
    );
    const changeId = randomUUID();
    const recrop = () =>
      job.handleImageProcess({
        imageId: image.id,
        scope: 'crops',
        changeId,
      });
    try {
      proxy.refusePuts = /-640\.webp$/;
      await expect(recrop()).rejects.toThrow();
      expect(proxy.refused).toBeGreaterThan(0);
      // The rows still name the old crops, every one of them in the bucket.
      expect(await rowKeys()).toEqual(before);
      expect(await keysUnder(prefix)).toEqual(expect.arrayContaining(before));
      expect((await getImage(image.id)).status).toBe('ready');

      proxy.refusePuts = null;
      await recrop(); // BullMQ's retry
    } finally {
      storage.onModuleDestroy();
      await proxy.stop();
    }
    await newsdesk.settle();

    const after = await rowKeys();
    expect(after.filter((key) => key.includes('-f0.250x0.300-'))).toHaveLength(9);
    expect(after).toHaveLength(before.length);
    expect(await keysUnder(prefix)).toEqual(expect.arrayContaining(after));
  });

  it('the ops re-render counts the images made with other presets, for ops only', async () => {
    const image = await readyImage(await freshPhoto(640, 480), { alt: 'Alte Presets' });
    const images = newsdesk.orm.em.fork();
    const current = presetsHash(newsdesk.config.images.presets);
    await images.nativeUpdate(Image, { id: image.id }, { presetsHash: 'older' });
    try {
      const ops = await signIn(['ops'], 'Otto Ops');
      expect((await photo.api.post('/api/ops/images/rerender')).status).toBe(403);
      const reply = await ops.api.post<{ queued: number }>('/api/ops/images/rerender');
      expect(reply.status).toBe(202);
      // This image at least; its job shares the upload's id (same presets), so nothing renders again.
      expect(reply.body.queued).toBeGreaterThanOrEqual(1);
      await newsdesk.settle();
    } finally {
      await images.nativeUpdate(Image, { id: image.id }, { presetsHash: current });
    }
  });

  describe('bad input gets a 4xx naming the field, and changes nothing', () => {
    let image: ImageView;

    beforeAll(async () => {
      image = await readyImage(await freshPhoto(), { alt: 'Unverändert' });
    });

    it('a focal point out of range, an unknown field, a text of the wrong type: 400', async () => {
      const outside = await photo.api.patch(`/api/images/${image.id}`, {
        alt: 'Geändert',
        focalPoint: { x: 2 },
      });
      expect(outside.status).toBe(400);
      expect(outside.body.details.problems[0].field).toBe('focalPoint');

      const unknown = await photo.api.patch(`/api/images/${image.id}`, { width: 10 });
      expect(unknown.status).toBe(400);
      expect(unknown.body.details.problems).toEqual([
        { field: 'width', reason: expect.any(String) },
      ]);

      const wrongType = await photo.api.patch(`/api/images/${image.id}`, { alt: 42 });
      expect(wrongType.status).toBe(400);
      expect(wrongType.body.details.problems[0].field).toBe('alt');

      expect(await getImage(image.id)).toMatchObject({ alt: 'Unverändert', focalPoint: null });
    });

    it('an unknown image: 404; an id that is not a UUID: 400', async () => {
      const none = '00000000-0000-0000-0000-000000000000';
      expect((await photo.api.get(`/api/images/${none}`)).status).toBe(404);
      expect((await photo.api.patch(`/api/images/${none}`, { alt: 'x' })).status).toBe(404);
      const notAnId = await photo.api.get('/api/images/not-an-id');
      expect(notAnId.status).toBe(400);
      expect(notAnId.body.details.problems).toEqual([{ field: 'id', reason: 'must be a UUID' }]);
    });

    it('an upload without a file, or not multipart: 400 naming the file', async () => {
      const before = await uploadArea();
      const noFile = await upload(photo, null, { alt: 'ohne Datei' });
      expect(noFile.status).toBe(400);
      expect(noFile.body.details.problems[0].field).toBe('file');

      const json = await photo.api.post('/api/images', { alt: 'kein multipart' });
      expect(json.status).toBe(400);
      expect(json.body.details.problems[0].field).toBe('file');
      expect(await uploadArea()).toEqual(before);
    });

    it('no token: 401; a reviewer uploading or editing: 403', async () => {
      const before = await uploadArea();
      expect((await upload(null, await freshPhoto())).status).toBe(401);
      expect((await anonymous.get(`/api/images/${image.id}`)).status).toBe(401);
      expect((await anonymous.patch(`/api/images/${image.id}`, { alt: 'x' })).status).toBe(401);

      expect((await upload(reviewer, await freshPhoto())).status).toBe(403);
      expect((await reviewer.api.patch(`/api/images/${image.id}`, { alt: 'x' })).status).toBe(403);
      expect(await uploadArea()).toEqual(before);
      expect((await getImage(image.id)).alt).toBe('Unverändert');
    });
  });

  it('a hero image needs alt text to pass the checks, and shows in the listing and on the story page', async () => {
    const image = await readyImage(await freshPhoto(1600, 1200), {
      credit: 'Foto: Stadt Arnsberg',
    });
    expect(image.alt).toBe('');

    const desk: Desk = {
      newsdesk,
      editor: editor.api,
      reviewers: [reviewer.api],
      section: section.slug,
    };
    const story = await writeDraft(desk, { heroImageId: image.id });

    // Sent back by its checks: the hero image has no alt text.
    expect((await editor.api.post(`/api/articles/${story.id}/submit`)).status).toBe(202);
    await newsdesk.settle();
    const refused = await editor.api.get(`/api/articles/${story.id}`);
    expect(refused.body.status).toBe('draft');
    expect(refused.body.failedChecks).toEqual([
      expect.objectContaining({ field: 'heroImageId', message: expect.stringMatching(/alt/) }),
    ]);

    const alt = 'Ein Sensor am Deckel eines Abfallbehälters';
    expect((await photo.api.patch(`/api/images/${image.id}`, { alt })).status).toBe(200);
    const checked = await submitForReview(desk, story);
    expect(checked).toMatchObject({ status: 'in_review', failedChecks: null });
    await approveEveryStep(desk, story);
    await publishNow(desk, story);

    /** The `srcset` of a preset per format, as the public site needs it. */
    const srcset = (preset: string) =>
      Object.fromEntries(
        FORMATS.map((format) => [
          format,
          byPreset(image, preset)
            .filter((r) => r.format === format)
            .sort((a, b) => a.width - b.width)
            .map((r) => `${r.url} ${r.width}w`)
            .join(', '),
        ]),
      );
    const jpegUrls = (preset: string) =>
      byPreset(image, preset)
        .filter((r) => r.format === 'jpeg')
        .map((r) => r.url);
    const teaserOf = async () => {
      const listing = await anonymous.get(`/public/sections/${section.slug}/teasers`);
      expect(listing.status).toBe(200);
      return listing.body.items.find((i: { slug: string }) => i.slug === story.slug);
    };

    const teaser = await teaserOf();
    expect(teaser.image).toMatchObject({
      id: image.id,
      alt,
      credit: 'Foto: Stadt Arnsberg',
      blurhash: image.blurhash,
      srcset: srcset('teaser'),
    });
    expect(jpegUrls('teaser')).toContain(teaser.image.src);

    const page = await anonymous.get(`/public/articles/${story.slug}`);
    expect(page.status).toBe(200);
    expect(page.body.image).toMatchObject({ id: image.id, alt, srcset: srcset('hero') });
    expect(jpegUrls('hero')).toContain(page.body.image.src);

    const credit = `Foto: Eva Beispiel ${unique()}`;
    expect((await photo.api.patch(`/api/images/${image.id}`, { credit })).status).toBe(200);
    await newsdesk.settle();
    expect((await teaserOf()).image).toMatchObject({ credit, alt, srcset: srcset('teaser') });
    expect((await anonymous.get(`/public/articles/${story.slug}`)).body.image.credit).toBe(credit);
  });
});
