import { GetObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { loadConfig, s3ClientSettings, type AppConfig } from '@newsdesk/config';
import { ObjectStorage } from '@newsdesk/media';
import { S3Proxy } from './support/s3-proxy';

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

describe('object storage: what a PUT is signed with', () => {
  const config = loadConfig();
  let proxy: S3Proxy;
  let storage: ObjectStorage;
  let s3: S3Client;

  beforeAll(async () => {
    if (!config.s3.endpoint) throw new Error('the tests need the S3 endpoint of the test stack');
    proxy = new S3Proxy(new URL(config.s3.endpoint));
    const endpoint = await proxy.start();
    const viaProxy: AppConfig = { ...config, s3: { ...config.s3, endpoint } };
    storage = new ObjectStorage(viaProxy);
    s3 = new S3Client(s3ClientSettings(config));
    await storage.ensureBucket();
  });

  afterAll(async () => {
    storage?.onModuleDestroy();
    s3?.destroy();
    await proxy?.stop();
  });

  async function stored(key: string): Promise<Buffer> {
    const out = await s3.send(new GetObjectCommand({ Bucket: config.s3.bucket, Key: key }));
    return Buffer.from(await out.Body!.transformToByteArray());
  }

  it('signs a buffer with the SHA-256 it was given, and the store accepts it', async () => {
    const body = randomBytes(256 * 1024);
    const key = `test/signed-${randomUUID()}.bin`;

    await storage.put(key, body, 'application/octet-stream', sha256(body));

    expect(proxy.payloadHashOf(key)).toBe(sha256(body));
    expect((await stored(key)).equals(body)).toBe(true);
  });

  it('takes the given hash as it is, without hashing the body again', async () => {
    const body = randomBytes(64 * 1024);
    const other = sha256(Buffer.from('a different file'));
    const key = `test/given-${randomUUID()}.bin`;

    await storage.put(key, body, 'application/octet-stream', other);

    // The stand-in store does not compare payload and hash; S3 refuses such a PUT.
    expect(proxy.payloadHashOf(key)).toBe(other);
  });

  it('hashes the buffer itself when no hash is given', async () => {
    const body = randomBytes(64 * 1024);
    const key = `test/hashed-${randomUUID()}.bin`;

    await storage.put(key, body, 'application/octet-stream');

    expect(proxy.payloadHashOf(key)).toBe(sha256(body));
    expect((await stored(key)).equals(body)).toBe(true);
  });
});
