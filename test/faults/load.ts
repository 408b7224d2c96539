/**
 * The load under the faults: stories taken through the editorial flow and
 * published, and pictures uploaded, all over HTTP as the newsroom would. What
 * the API accepted (a 2xx) is recorded in {@link Accepted}; the checker later
 * compares it with what exists.
 */
import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { photoJpeg } from '@newsdesk/testing';

/** What the API accepted: the promises the system has to keep. */
export interface Accepted {
  /** Stories whose publication was accepted (202), by id. */
  stories: Set<string>;
  /** Images whose upload was accepted (202 new, 200 the same bytes again), by id. */
  images: Set<string>;
  /** Requests that got no 2xx (refused while a server restarted …): never promised, not checked. */
  refused: number;
}

export const accepted = (): Accepted => ({ stories: new Set(), images: new Set(), refused: 0 });

export interface Tokens {
  editor: string;
  reviewer: string;
  photo: string;
}

interface Reply {
  status: number;
  body: any;
}

/** Retries a request that found no server (refused connection, reset), up to `timeoutMs`. */
async function request(url: string, init: RequestInit, timeoutMs = 60_000): Promise<Reply> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
      const text = await response.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON
      }
      return { status: response.status, body };
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await sleep(200);
    }
  }
}

/** One newsroom desk on one API: editors write, reviewers approve and publish, the photo desk uploads. */
export class Newsroom {
  /** Uploads so far: every other one goes straight to S3. */
  private uploads = 0;

  constructor(
    private readonly apiUrl: () => string,
    private readonly tokens: Tokens,
    private readonly section: string,
    readonly result: Accepted = accepted(),
  ) {}

  private call(method: string, path: string, token: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { authorization: `Bearer ${token}` };
    if (body !== undefined) headers['content-type'] = 'application/json';
    return request(`${this.apiUrl()}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  }

  /**
   * A draft written, submitted, checked (the submission job) and approved;
   * returns its id, ready to publish. Throws when a step is refused: the
   * preparation is not what is measured.
   */
  async approvedStory(headline: string, timeoutMs = 120_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    const expect = (reply: Reply, status: number, what: string) => {
      if (reply.status !== status)
        throw new Error(`${what}: ${reply.status} ${JSON.stringify(reply.body)}`);
    };
    const draft = await this.call('POST', '/api/articles', this.tokens.editor, {
      section: this.section,
      kicker: 'Störfall',
      headline,
      teaser: 'Die Redaktion arbeitet weiter, auch wenn im Rechenzentrum ein Dienst neu startet.',
      body: [{ type: 'paragraph', text: 'Jede angenommene Meldung erscheint genau einmal.' }],
      format: 'news',
      tags: ['Betrieb'],
    });
    expect(draft, 201, 'create draft');
    const id = String(draft.body.id);
    // A submit refused while a server restarts is asked again; a second submit of the same version is refused as a conflict.
    for (;;) {
      const submit = await this.call('POST', `/api/articles/${id}/submit`, this.tokens.editor);
      if (submit.status === 202) break;
      const current = await this.call('GET', `/api/articles/${id}`, this.tokens.editor);
      if (current.status === 200 && current.body.status !== 'draft') break;
      if (Date.now() > deadline) expect(submit, 202, 'submit');
      await sleep(500);
    }
    for (;;) {
      const story = await this.call('GET', `/api/articles/${id}`, this.tokens.editor);
      if (story.status === 200 && story.body.status === 'in_review') break;
      if (story.status === 200 && story.body.status === 'draft' && story.body.failedChecks?.length)
        throw new Error(
          `story ${id} failed its checks: ${JSON.stringify(story.body.failedChecks)}`,
        );
      if (Date.now() > deadline) throw new Error(`story ${id} did not reach review in time`);
      await sleep(100);
    }
    for (;;) {
      const approve = await this.call('POST', `/api/articles/${id}/approve`, this.tokens.reviewer);
      if (approve.status === 200 || approve.status === 202) return id;
      const current = await this.call('GET', `/api/articles/${id}`, this.tokens.editor);
      if (current.status === 200 && current.body.status === 'approved') return id;
      if (Date.now() > deadline) expect(approve, 200, 'approve');
      await sleep(500);
    }
  }

  /** Publishes an approved story now (to come down at `until`, when given); records it when the API accepts (202). */
  async publish(id: string, body: { until?: string } = {}): Promise<boolean> {
    const reply = await this.call(
      'POST',
      `/api/articles/${id}/publish`,
      this.tokens.reviewer,
      body,
    );
    if (reply.status === 202) {
      this.result.stories.add(id);
      return true;
    }
    this.result.refused++;
    return false;
  }

  /** Publishes approved stories now in one bulk request; records them all when the API accepts (202). */
  async publishMany(ids: string[]): Promise<boolean> {
    const reply = await this.call('POST', '/api/articles/publish', this.tokens.reviewer, { ids });
    if (reply.status === 202) {
      for (const id of ids) this.result.stories.add(id);
      return true;
    }
    this.result.refused++;
    return false;
  }

  /**
   * Uploads a picture, every other one straight to S3 (a direct upload) and the
   * others through `POST /api/images`; records its image when the API accepts
   * it (202 new, 200 known).
   */
  async upload(file: Buffer, name = 'photo.jpg'): Promise<string | null> {
    const reply =
      this.uploads++ % 2 === 0 ? await this.postForm(file, name) : await this.postDirect(file);
    if (reply.status === 202 || reply.status === 200) {
      const id = String(reply.body.id);
      this.result.images.add(id);
      return id;
    }
    this.result.refused++;
    return null;
  }

  private postForm(file: Buffer, name: string): Promise<Reply> {
    const form = new FormData();
    form.append('alt', ALT);
    form.append('file', new Blob([new Uint8Array(file)], { type: 'image/jpeg' }), name);
    return request(`${this.apiUrl()}/api/images`, {
      method: 'POST',
      headers: { authorization: `Bearer ${this.tokens.photo}` },
      body: form,
    });
  }

  /** Announces the file, PUTs it to the presigned URL, completes the upload. */
  private async postDirect(file: Buffer): Promise<Reply> {
    const started = await this.call('POST', '/api/images/uploads', this.tokens.photo, {
      sha256: createHash('sha256').update(file).digest('hex'),
      bytes: file.length,
      contentType: 'image/jpeg',
    });
    if (started.status !== 201) return started; // 200: known bytes, or a refusal
    const ticket = started.body as { token: string; url: string; headers: Record<string, string> };
    const put = await request(ticket.url, {
      method: 'PUT',
      headers: ticket.headers,
      body: new Uint8Array(file),
    });
    if (put.status !== 200) return put;
    return this.call('POST', '/api/images/uploads/complete', this.tokens.photo, {
      token: ticket.token,
      alt: ALT,
    });
  }
}

const ALT = 'Serverraum mit blinkenden Lämpchen';

/** A distinct JPEG per seed (a different image, a different content hash). */
export function pictureFor(seed: number, width = 1200, height = 900): Promise<Buffer> {
  return photoJpeg(width, height, seed);
}

/** Logs in with an email and password; returns the bearer token. */
export async function login(apiUrl: string, email: string, password: string): Promise<string> {
  const reply = await request(`${apiUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (reply.status !== 200)
    throw new Error(`login ${email} failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return String(reply.body.accessToken);
}

/** A webhook subscriber on 127.0.0.1 that answers 200 and counts the POSTs per event id. */
export class WebhookReceiver {
  readonly posts = new Map<string, number>();
  url = '';
  private server: Server | null = null;

  async start(): Promise<this> {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        try {
          const id = String(
            (JSON.parse(Buffer.concat(chunks).toString('utf8')) as { id: unknown }).id,
          );
          this.posts.set(id, (this.posts.get(id) ?? 0) + 1);
        } catch {
          // not ours
        }
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    this.server = server;
    this.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`;
    return this;
  }

  async stop(): Promise<void> {
    if (!this.server) return;
    this.server.closeAllConnections();
    await new Promise((done) => this.server?.close(done));
    this.server = null;
  }
}
