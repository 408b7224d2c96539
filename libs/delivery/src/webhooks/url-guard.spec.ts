import type { LookupAddress } from 'node:dns';
import type { AppConfig } from '@newsdesk/config';
import {
  UrlGuard,
  checkWebhookUrl,
  forbiddenAddressReason,
  guardedLookup,
  type Resolver,
} from './url-guard';

/** A DNS stand-in: names and the addresses they resolve to. */
const dns =
  (table: Record<string, string[]>): Resolver =>
  (host) => {
    const addresses = table[host];
    if (!addresses) {
      const error: NodeJS.ErrnoException = new Error(`getaddrinfo ENOTFOUND ${host}`);
      error.code = 'ENOTFOUND';
      return Promise.reject(error);
    }
    return Promise.resolve(
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })),
    );
  };

const resolve = dns({
  'partner.example': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'],
  'internal.example': ['10.1.2.3'],
  'mixed.example': ['93.184.215.14', '192.168.1.20'],
  'metadata.example': ['169.254.169.254'],
  'v6-local.example': ['fd12:3456:789a::1'],
  localhost: ['127.0.0.1', '::1'],
});

const production = { production: true, resolve };
const development = { production: false, resolve };

describe('forbiddenAddressReason', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.178.1', 'private'],
    ['100.64.0.1', 'private (carrier-grade NAT)'],
    ['169.254.169.254', 'link-local'],
    ['0.0.0.0', 'unspecified ("this network")'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved (incl. broadcast)'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['fd00::1', 'unique-local'],
    ['fc00::abcd', 'unique-local'],
    ['ff02::1', 'multicast'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:169.254.169.254', 'link-local'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:101::1', 'private'],
    ['[::1]', 'loopback'],
    // IPv4-translated (SIIT): the IPv4 rules apply to the embedded address.
    ['::ffff:0:127.0.0.1', 'loopback'],
    ['::ffff:0:7f00:1', 'loopback'],
    ['::ffff:0:10.1.2.3', 'private'],
    ['::ffff:0:169.254.169.254', 'link-local'],
    ['0:0:0:0:ffff:0:c0a8:101', 'private'],
    // Local-use NAT64: refused whatever it embeds, public addresses included.
    ['64:ff9b:1::a00:1', 'reserved (local-use NAT64)'],
    ['64:ff9b:1::808:808', 'reserved (local-use NAT64)'],
    ['64:ff9b:1:ffff:ffff:ffff:ffff:ffff', 'reserved (local-use NAT64)'],
    ['64:ff9b:1:7f00:1::', 'reserved (local-use NAT64)'],
  ])('refuses %s (%s)', (address, reason) => {
    expect(forbiddenAddressReason(address)).toBe(reason);
  });

  it.each([
    '93.184.215.14',
    '8.8.8.8',
    '172.32.0.1',
    '2606:2800:21f:cb07:6820:80da:af6b:8b2c',
    '::ffff:8.8.8.8',
    '::ffff:0:8.8.8.8',
    '64:ff9b::808:808',
    '2a00:1450:4001:82b::200e',
  ])('allows the public address %s', (address) => {
    expect(forbiddenAddressReason(address)).toBeNull();
  });
});

describe('checkWebhookUrl', () => {
  it.each([
    'ftp://partner.example/hook',
    'file:///etc/passwd',
    'gopher://partner.example:70/_x',
    'javascript:alert(1)',
    'data:text/plain,hi',
    'partner.example/hook',
    'not a url',
    '',
  ])('refuses the non-http(s) URL %j in every mode', async (url) => {
    expect(await checkWebhookUrl(url, production)).toEqual(expect.any(String));
    expect(await checkWebhookUrl(url, development)).toEqual(expect.any(String));
  });

  it('refuses what is not a string, and overlong URLs', async () => {
    expect(await checkWebhookUrl(undefined, development)).toMatch(/is required/);
    expect(await checkWebhookUrl(42, development)).toMatch(/is required/);
    expect(
      await checkWebhookUrl(`https://partner.example/${'a'.repeat(2000)}`, development),
    ).toMatch(/at most 2000/);
  });

  it.each([
    'http://127.0.0.1:8080/hook',
    'http://localhost/hook',
    'http://api.localhost/hook',
    'http://[::1]/hook',
    'http://[fd00::1]/hook',
    'http://[fe80::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::]/hook',
    'http://0.0.0.0/hook',
    'http://10.0.0.1/hook',
    'http://192.168.0.10/hook',
    'http://172.20.1.1/hook',
    'http://169.254.169.254/latest/meta-data/',
    // Other spellings of 127.0.0.1 that URL parsing normalises.
    'http://2130706433/hook',
    'http://0x7f.1/hook',
    'http://017700000001/hook',
    // Names that resolve to private, link-local or unique-local addresses.
    'https://internal.example/hook',
    'https://metadata.example/hook',
    'https://v6-local.example/hook',
    'https://mixed.example/hook',
    // A name that does not resolve is refused too.
    'https://nowhere.example/hook',
  ])('refuses %s in production and allows it in development', async (url) => {
    expect(await checkWebhookUrl(url, production)).toEqual(expect.any(String));
    expect(await checkWebhookUrl(url, development)).toBeNull();
  });

  it('allows public hosts in production, by name and by address', async () => {
    expect(await checkWebhookUrl('https://partner.example/hooks/newsdesk', production)).toBeNull();
    expect(await checkWebhookUrl('http://93.184.215.14:8080/hook', production)).toBeNull();
    expect(await checkWebhookUrl('https://[2a00:1450:4001:82b::200e]/hook', production)).toBeNull();
  });

  it('says why it refuses', async () => {
    expect(await checkWebhookUrl('https://internal.example/hook', production)).toBe(
      'host internal.example resolves to a private address (10.1.2.3)',
    );
    expect(await checkWebhookUrl('http://[::1]/hook', production)).toBe(
      'points at a loopback address (::1)',
    );
    expect(await checkWebhookUrl('ftp://partner.example/hook', production)).toBe(
      'must be an http:// or https:// URL (not ftp:)',
    );
  });
});

describe('guardedLookup (the check at send time, against DNS rebinding)', () => {
  const lookup = (host: string, all: boolean) =>
    new Promise<{ error: NodeJS.ErrnoException | null; address: string | LookupAddress[] }>(
      (done) => guardedLookup(resolve)(host, { all }, (error, address) => done({ error, address })),
    );

  it('connects a public name to its addresses', async () => {
    expect((await lookup('partner.example', false)).address).toBe('93.184.215.14');
    expect((await lookup('partner.example', true)).address).toHaveLength(2);
  });

  it('refuses a name that resolves to a private address now, whatever it resolved to before', async () => {
    const { error } = await lookup('internal.example', true);
    expect(error?.message).toMatch(/resolves to a private address \(10\.1\.2\.3\)/);
    expect((await lookup('mixed.example', false)).error).toBeTruthy();
    expect((await lookup('localhost', false)).error?.message).toMatch(/loopback/);
  });
});

describe('UrlGuard (as the app uses it)', () => {
  const guard = (env: AppConfig['env']) => new UrlGuard({ env } as AppConfig);

  it('follows NODE_ENV: production refuses loopback, development and test allow it', async () => {
    expect(await guard('production').check('http://127.0.0.1:4000/hook')).toMatch(/loopback/);
    expect(await guard('development').check('http://127.0.0.1:4000/hook')).toBeNull();
    expect(await guard('test').check('http://127.0.0.1:4000/hook')).toBeNull();
    expect(await guard('test').check('ftp://127.0.0.1/hook')).toMatch(/http/);
  });

  it('checks again before sending, and guards the socket lookup in production only', () => {
    expect(guard('production').checkBeforeSend('http://[::1]:4000/hook')).toMatch(/loopback/);
    expect(guard('production').checkBeforeSend('http://10.0.0.8/hook')).toMatch(/private/);
    expect(guard('production').checkBeforeSend('https://partner.example/hook')).toBeNull();
    expect(guard('production').lookup).toEqual(expect.any(Function));
    expect(guard('test').checkBeforeSend('http://127.0.0.1:4000/hook')).toBeNull();
    expect(guard('test').lookup).toBeUndefined();
  });
});
