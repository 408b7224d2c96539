import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import { performance } from 'node:perf_hooks';
import { Clock } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { UrlGuard } from './url-guard';

/**
 * Signing and sending webhooks.
 *
 * Every delivery is a `POST` with the JSON body `{id, event, occurredAt, data}`
 * and these headers:
 *
 * | header | value |
 * |---|---|
 * | `Newsdesk-Event` | the event name, e.g. `article.published` |
 * | `Newsdesk-Delivery` | the delivery id (the same on every retry of it) |
 * | `Newsdesk-Timestamp` | the Unix time (seconds) of this attempt |
 * | `Newsdesk-Signature` | `t=<timestamp>,v1=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>` |
 *
 * A receiver verifies it like this (see {@link verifyWebhookSignature}):
 * 1. read the raw request body as bytes, before any JSON parsing;
 * 2. split the signature header at `,` into `t=` and `v1=` (ignore other parts);
 * 3. compute `HMAC-SHA256(secret, t + "." + rawBody)` as lowercase hex and compare
 *    it with `v1` in constant time (`crypto.timingSafeEqual`);
 * 4. refuse a `t` more than five minutes from its own clock (replays);
 * 5. answer 2xx quickly; dedupe on the body's `id` (the event id), since a
 *    delivery may arrive more than once (retries, redelivery by hand).
 *
 * Anything but a 2xx within the timeout counts as a failure and is retried.
 */

export const WEBHOOK_HEADERS = {
  event: 'Newsdesk-Event',
  delivery: 'Newsdesk-Delivery',
  timestamp: 'Newsdesk-Timestamp',
  signature: 'Newsdesk-Signature',
} as const;

/** The `Newsdesk-Signature` value for a body sent at `timestamp` (Unix seconds). */
export function signWebhook(secret: string, timestamp: number, body: string): string {
  const mac = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${mac}`;
}

/**
 * What a receiver does with a delivery: true when `header` is a valid
 * signature of `rawBody` with `secret`, made within `toleranceSeconds` of `now`.
 */
export function verifyWebhookSignature(
  secret: string,
  header: string | undefined,
  rawBody: string | Buffer,
  options: { toleranceSeconds?: number; now?: Date } = {},
): boolean {
  if (!header) return false;
  const parts = new Map(
    header.split(',').map((part) => {
      const at = part.indexOf('=');
      return [part.slice(0, at).trim(), part.slice(at + 1).trim()] as const;
    }),
  );
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || !/^[0-9a-f]{64}$/.test(v1)) return false;
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return false;
  const expected = createHmac('sha256', secret).update(`${t}.`).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(v1, 'hex'));
}

export interface WebhookRequest {
  url: string;
  secret: string;
  deliveryId: string;
  event: string;
  /** The exact bytes that are signed and sent. */
  body: string;
}

/** The outcome of one POST. */
export interface WebhookResult {
  ok: boolean;
  statusCode: number | null;
  error: string | null;
  latencyMs: number;
}

/** The most of a response body that is read (for the error text); the rest is dropped. */
const MAX_RESPONSE_BYTES = 16 * 1024;

/** The HTTP + HMAC adapter: one signed POST, a timeout, no redirects, the SSRF guard on the socket. */
@Injectable()
export class WebhookSender {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly guard: UrlGuard,
    private readonly clock: Clock,
  ) {}

  async send(request: WebhookRequest): Promise<WebhookResult> {
    const refused = this.guard.checkBeforeSend(request.url);
    if (refused) return { ok: false, statusCode: null, error: refused, latencyMs: 0 };
    const url = new URL(request.url);
    const timestamp = Math.floor(this.clock.now().getTime() / 1000);
    const headers = {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': String(Buffer.byteLength(request.body)),
      'User-Agent': 'Newsdesk-Webhooks/1',
      [WEBHOOK_HEADERS.event]: request.event,
      [WEBHOOK_HEADERS.delivery]: request.deliveryId,
      [WEBHOOK_HEADERS.timestamp]: String(timestamp),
      [WEBHOOK_HEADERS.signature]: signWebhook(request.secret, timestamp, request.body),
    };
    const timeoutMs = this.config.webhooks.timeoutMs;
    const started = performance.now();
    const latency = () => Math.round(performance.now() - started);
    const client = url.protocol === 'https:' ? https : http;
    return new Promise<WebhookResult>((resolve) => {
      let done = false;
      const finish = (result: Omit<WebhookResult, 'latencyMs'>) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        resolve({ ...result, latencyMs: latency() });
      };
      const req = client.request(
        url,
        {
          method: 'POST',
          headers,
          // A fresh connection per attempt, through the guarded lookup in production.
          agent: false,
          lookup: this.guard.lookup,
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            if (size < MAX_RESPONSE_BYTES) chunks.push(chunk);
            size += chunk.length;
          });
          res.on('error', (error) => finish(failure(error)));
          res.on('end', () => {
            const statusCode = res.statusCode ?? 0;
            const ok = statusCode >= 200 && statusCode < 300;
            const text = Buffer.concat(chunks).toString('utf8').replace(/\s+/g, ' ').trim();
            finish({
              ok,
              statusCode,
              error: ok ? null : `HTTP ${statusCode}${text ? `: ${text.slice(0, 200)}` : ''}`,
            });
          });
        },
      );
      const timer = setTimeout(() => {
        finish({ ok: false, statusCode: null, error: `timeout after ${timeoutMs} ms` });
        req.destroy();
      }, timeoutMs);
      req.on('error', (error) => finish(failure(error)));
      req.end(request.body);
    });
  }
}

function failure(error: NodeJS.ErrnoException): Omit<WebhookResult, 'latencyMs'> {
  const code = error.code && !error.message.includes(error.code) ? ` (${error.code})` : '';
  return { ok: false, statusCode: null, error: `${error.message}${code}` };
}
