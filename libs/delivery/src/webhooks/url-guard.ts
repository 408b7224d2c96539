import { Inject, Injectable } from '@nestjs/common';
import { lookup as dnsLookup } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';

/**
 * SSRF guard for webhook URLs. Webhooks make the server POST to an address an
 * admin typed in, so in production a URL may not reach the server's own
 * network: only http(s), and no host that is, or resolves to, a loopback,
 * private, link-local, unique-local, unspecified, multicast or otherwise
 * reserved address. The check runs at registration and again at every send,
 * inside the connection's own DNS lookup (so a name that resolves to a public
 * address at registration and to 127.0.0.1 later — DNS rebinding — is refused
 * on the very addresses the socket would connect to). Redirects are never
 * followed. In development and test every address is allowed (tests run a
 * receiver on 127.0.0.1).
 */

export const MAX_WEBHOOK_URL_LENGTH = 2000;

/** Resolves a host name to every address (A and AAAA), like `dns.lookup(host, {all: true})`. */
export type Resolver = (host: string) => Promise<{ address: string; family: number }[]>;

export const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

type V4Range = [base: number, prefix: number, reason: string];

const v4 = (dotted: string): number =>
  dotted.split('.').reduce((acc, part) => acc * 256 + Number(part), 0);

/** IPv4 ranges no webhook may reach (RFC 6890 special-purpose, plus multicast and reserved). */
const V4_BLOCKED: V4Range[] = [
  [v4('0.0.0.0'), 8, 'unspecified ("this network")'],
  [v4('10.0.0.0'), 8, 'private'],
  [v4('100.64.0.0'), 10, 'private (carrier-grade NAT)'],
  [v4('127.0.0.0'), 8, 'loopback'],
  [v4('169.254.0.0'), 16, 'link-local'],
  [v4('172.16.0.0'), 12, 'private'],
  [v4('192.0.0.0'), 24, 'reserved (IETF protocol assignments)'],
  [v4('192.0.2.0'), 24, 'reserved (documentation)'],
  [v4('192.88.99.0'), 24, 'reserved (6to4 relay)'],
  [v4('192.168.0.0'), 16, 'private'],
  [v4('198.18.0.0'), 15, 'reserved (benchmarking)'],
  [v4('198.51.100.0'), 24, 'reserved (documentation)'],
  [v4('203.0.113.0'), 24, 'reserved (documentation)'],
  [v4('224.0.0.0'), 4, 'multicast'],
  [v4('240.0.0.0'), 4, 'reserved (incl. broadcast)'],
];

function v4Reason(address: string): string | null {
  const n = v4(address);
  for (const [base, prefix, reason] of V4_BLOCKED) {
    const size = 2 ** (32 - prefix);
    if (n >= base && n < base + size) return reason;
  }
  return null;
}

/** The 8 groups of an IPv6 address (zone id dropped, `::` expanded, a trailing dotted quad folded in). */
function v6Groups(address: string): number[] | null {
  let text = address.split('%')[0].toLowerCase();
  const quad = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (quad) {
    const n = v4(quad[1]);
    text = `${text.slice(0, -quad[1].length)}${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail, ...rest] = text.split('::');
  if (rest.length) return null;
  const parse = (part: string | undefined) =>
    part ? part.split(':').map((g) => parseInt(g, 16)) : [];
  const left = parse(head);
  const right = parse(tail);
  const missing = 8 - left.length - right.length;
  if (tail === undefined ? missing !== 0 : missing < 0) return null;
  const groups = [...left, ...Array<number>(Math.max(0, missing)).fill(0), ...right];
  return groups.length === 8 && groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff)
    ? groups
    : null;
}

const embeddedV4 = (hi: number, lo: number) => `${hi >>> 8}.${hi & 0xff}.${lo >>> 8}.${lo & 0xff}`;

function v6Reason(address: string): string | null {
  const g = v6Groups(address);
  if (!g) return 'not a valid IPv6 address';
  const zeroUpTo = (n: number) => g.slice(0, n).every((x) => x === 0);
  if (zeroUpTo(8)) return 'unspecified';
  if (zeroUpTo(7) && g[7] === 1) return 'loopback';
  // IPv4-mapped (::ffff:a.b.c.d) and IPv4-compatible (::a.b.c.d): the IPv4 rules apply.
  if (zeroUpTo(5) && g[5] === 0xffff) return v4Reason(embeddedV4(g[6], g[7]));
  if (zeroUpTo(6)) return v4Reason(embeddedV4(g[6], g[7])) ?? 'reserved (IPv4-compatible)';
  // IPv4-translated (::ffff:0:a.b.c.d, RFC 2765 SIIT): a translator connects to the IPv4 address.
  if (zeroUpTo(4) && g[4] === 0xffff && g[5] === 0) return v4Reason(embeddedV4(g[6], g[7]));
  // Local-use NAT64 (64:ff9b:1::/48, RFC 8215): the network's own translator, and the IPv4
  // address may sit anywhere in it (RFC 6052 prefix lengths), so the whole range is refused.
  if (g[0] === 0x64 && g[1] === 0xff9b && g[2] === 1) return 'reserved (local-use NAT64)';
  // NAT64 (64:ff9b::/96) and 6to4 (2002::/16) carry an IPv4 address that a gateway connects to.
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0))
    return v4Reason(embeddedV4(g[6], g[7]));
  if (g[0] === 0x2002) return v4Reason(embeddedV4(g[1], g[2]));
  if ((g[0] & 0xfe00) === 0xfc00) return 'unique-local';
  if ((g[0] & 0xffc0) === 0xfe80) return 'link-local';
  if ((g[0] & 0xffc0) === 0xfec0) return 'site-local (deprecated)';
  if ((g[0] & 0xff00) === 0xff00) return 'multicast';
  if (g[0] === 0x100 && zeroUpTo(4)) return 'reserved (discard-only)';
  if (g[0] === 0x2001 && g[1] === 0xdb8) return 'reserved (documentation)';
  return null;
}

/**
 * Why a webhook may not be sent to this IP address (loopback, private,
 * link-local, unique-local, unspecified …), or null when it is a public address.
 */
export function forbiddenAddressReason(address: string): string | null {
  const bare = address.replace(/^\[|\]$/g, '');
  switch (isIP(bare.split('%')[0])) {
    case 4:
      return v4Reason(bare);
    case 6:
      return v6Reason(bare);
    default:
      return 'not an IP address';
  }
}

/** Parses a webhook URL: http(s) with a host, no longer than {@link MAX_WEBHOOK_URL_LENGTH}. */
export function parseWebhookUrl(raw: unknown): { url: URL } | { problem: string } {
  if (typeof raw !== 'string' || raw.trim() === '')
    return { problem: 'is required: the http(s) URL that receives the events' };
  const text = raw.trim();
  if (text.length > MAX_WEBHOOK_URL_LENGTH)
    return { problem: `must be at most ${MAX_WEBHOOK_URL_LENGTH} characters` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: 'is not a valid URL' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { problem: `must be an http:// or https:// URL (not ${url.protocol})` };
  if (!url.hostname) return { problem: 'must name a host' };
  return { url };
}

/** The host of a URL as it is resolved or connected to (IPv6 literals without brackets). */
const hostOf = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

/**
 * Checks the host of a parsed URL for production: an IP literal directly, a
 * name by every address it resolves to. Returns why it is refused, or null.
 */
export async function forbiddenHostReason(
  url: URL,
  resolve: Resolver = systemResolver,
): Promise<string | null> {
  const host = hostOf(url);
  if (isIP(host)) {
    const reason = forbiddenAddressReason(host);
    return reason && `points at a ${reason} address (${host})`;
  }
  const name = host.toLowerCase().replace(/\.$/, '');
  if (name === 'localhost' || name.endsWith('.localhost')) return 'points at localhost';
  let addresses: { address: string }[];
  try {
    addresses = await resolve(name);
  } catch (error) {
    return `host ${name} does not resolve (${(error as NodeJS.ErrnoException).code ?? String(error)})`;
  }
  if (addresses.length === 0) return `host ${name} does not resolve`;
  for (const { address } of addresses) {
    const reason = forbiddenAddressReason(address);
    if (reason) return `host ${name} resolves to a ${reason} address (${address})`;
  }
  return null;
}

/**
 * Checks a webhook URL. Every mode: http(s) only. Production: no host that is
 * or resolves to a non-public address. Returns why it is refused, or null.
 */
export async function checkWebhookUrl(
  raw: unknown,
  options: { production: boolean; resolve?: Resolver },
): Promise<string | null> {
  const parsed = parseWebhookUrl(raw);
  if ('problem' in parsed) return parsed.problem;
  return options.production ? forbiddenHostReason(parsed.url, options.resolve) : null;
}

/** Thrown (through the socket's lookup) when a host resolves to a forbidden address at send time. */
export class ForbiddenAddressError extends Error {
  readonly code = 'EWEBHOOKFORBIDDEN';
}

/**
 * A `lookup` for `http.request` that resolves every address of the host and
 * refuses the connection when any of them is not public: the check and the
 * connection use the same answer, so DNS rebinding cannot slip in between.
 */
export function guardedLookup(resolve: Resolver = systemResolver): LookupFunction {
  return (hostname, options, callback) => {
    resolve(hostname)
      .then((addresses) => {
        for (const { address } of addresses) {
          const reason = forbiddenAddressReason(address);
          if (reason)
            throw new ForbiddenAddressError(
              `refused: ${hostname} resolves to a ${reason} address (${address})`,
            );
        }
        const wanted =
          options.family === 4 || options.family === 6
            ? addresses.filter((a) => a.family === options.family)
            : addresses;
        if (wanted.length === 0) {
          const error: NodeJS.ErrnoException = new Error(`${hostname} has no usable address`);
          error.code = 'ENOTFOUND';
          throw error;
        }
        if (options.all) callback(null, wanted);
        else callback(null, wanted[0].address, wanted[0].family);
      })
      .catch((error: NodeJS.ErrnoException) => callback(error, '', 0));
  };
}

/** The guard as the app uses it: production refuses non-public hosts, development and test allow them. */
@Injectable()
export class UrlGuard {
  private readonly production: boolean;
  private readonly lookupFn: LookupFunction | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.production = config.env === 'production';
    this.lookupFn = this.production ? guardedLookup() : undefined;
  }

  /** At registration: why this URL is refused, or null. */
  check(raw: unknown): Promise<string | null> {
    return checkWebhookUrl(raw, { production: this.production });
  }

  /**
   * At send time, before connecting: why the URL is refused (not http(s), or an
   * IP literal that is not public), or null. Names are checked by {@link lookup}.
   */
  checkBeforeSend(raw: string): string | null {
    const parsed = parseWebhookUrl(raw);
    if ('problem' in parsed) return `url ${parsed.problem}`;
    if (!this.production) return null;
    const host = hostOf(parsed.url);
    if (!isIP(host)) return null;
    const reason = forbiddenAddressReason(host);
    return reason && `refused: ${host} is a ${reason} address`;
  }

  /** The socket lookup to use (the guarded one in production; the system's otherwise). */
  get lookup(): LookupFunction | undefined {
    return this.lookupFn;
  }
}
