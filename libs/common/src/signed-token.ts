import { createHmac, timingSafeEqual } from 'node:crypto';

/** A whole signed token and nothing else: base64url claims, a dot, and the 43 characters of an HMAC-SHA256. */
export const SIGNED_TOKEN = /^[\w-]+\.[\w-]{43}$/;

/**
 * Claims a client carries and cannot change: base64url JSON, a dot, and an
 * HMAC-SHA256 over it with a key derived from `secret` for one `purpose`, so
 * that a token made for one purpose opens for no other. Any change to the
 * token (appending included) breaks it. Expiry is the caller's to check.
 */
export class TokenSigner<Claims extends object> {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = createHmac('sha256', secret).update(purpose).digest();
  }

  sign(claims: Claims): string {
    const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
    return `${payload}.${this.mac(payload)}`;
  }

  /** The claims of a token this signer made, or null for anything else. */
  open(token: string): Claims | null {
    const [payload, signature] = SIGNED_TOKEN.test(token) ? token.split('.') : [];
    if (!payload) return null;
    const expected = Buffer.from(this.mac(payload));
    const given = Buffer.from(signature);
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Claims;
  }

  private mac(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('base64url');
  }
}
