import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { randomUUID } from 'node:crypto';
import type { Section } from '@newsdesk/editorial';
import { EventName, OutboxEntry, OutboxRelay, type EventEnvelope } from '@newsdesk/messaging';
import { DESK_STREAM_KEY, DeskStreamWriter } from '@newsdesk/stream';
import { photoJpeg, withIptc } from '@newsdesk/testing';
import { driveToReview, submitForReview, writeDraft, type Desk } from './support/drive';
import { makeSection, makeUser, PASSWORD } from './support/factories';
import { ApiClient } from './support/http';
import { Newsdesk } from './support/newsdesk';
import { SseStream, type SseMessage } from './support/sse';

/** A signed-in user: the JSON client, the raw token (for the stream) and the user's id. */
interface Person {
  api: ApiClient;
  token: string;
  id: string;
}

/** The messages of one story, control events (ready, reset, end) left out. */
const about = (stream: SseStream, articleId: string) =>
  stream.messages.filter((m) => m.json?.articleId === articleId);

const names = (messages: SseMessage[]) => messages.map((m) => m.event);

describe('the desk’s live stream (GET /api/stream)', () => {
  const saved = { ...process.env };
  let newsdesk: Newsdesk;
  let anonymous: ApiClient;
  let editor: Person;
  let reviewer: Person;
  let photo: Person;
  let section: Section;
  let desk: Desk;
  let streams: SseStream[] = [];

  beforeAll(async () => {
    // Quick heartbeats and session checks, so that the test sees both without waiting long.
    process.env.STREAM_HEARTBEAT_MS = '300';
    process.env.STREAM_SESSION_CHECK_MS = '500';
    process.env.STREAM_MAX_LENGTH = '100';
    newsdesk = await Newsdesk.start();
    anonymous = new ApiClient(newsdesk.url);
    editor = await signIn(['editor'], 'Erika Editor');
    reviewer = await signIn(['reviewer'], 'Rita Reviewer');
    photo = await signIn(['photo_desk'], 'Paul Photo');
    section = await makeSection(newsdesk.orm, 'Live');
    desk = { newsdesk, editor: editor.api, reviewers: [reviewer.api], section: section.slug };
  });

  afterEach(async () => {
    await Promise.all(streams.map((s) => s.close()));
    streams = [];
  });

  afterAll(async () => {
    await newsdesk?.stop();
    process.env = saved;
  });

  async function signIn(roles: Parameters<typeof makeUser>[1], name?: string): Promise<Person> {
    const user = await makeUser(newsdesk.orm, roles, name);
    const reply = await anonymous.post('/api/auth/login', {
      email: user.email,
      password: PASSWORD,
    });
    expect(reply.status).toBe(200);
    const token: string = reply.body.accessToken;
    return { api: anonymous.as(token), token, id: user.id };
  }

  /** Opens a stream as `who` and waits for its `ready`. */
  async function open(
    who: Person | { token: string },
    {
      base = newsdesk.url,
      query = '',
      headers = {},
    }: { base?: string; query?: string; headers?: Record<string, string> } = {},
  ): Promise<SseStream> {
    const stream = await SseStream.open(`${base}/api/stream${query}`, {
      authorization: `Bearer ${who.token}`,
      ...headers,
    });
    streams.push(stream);
    await stream.waitFor((m) => m.event === 'ready');
    return stream;
  }

  async function lockAs(who: Person, articleId: string, path = 'lock'): Promise<void> {
    const reply = await who.api.post(`/api/articles/${articleId}/${path}`);
    expect([path, reply.status]).toEqual([path, 200]);
  }

  async function unlockAs(who: Person, articleId: string): Promise<void> {
    expect((await who.api.request('DELETE', `/api/articles/${articleId}/lock`)).status).toBe(204);
  }

  async function save(who: Person, story: { id: string; version: number }, headline: string) {
    const reply = await who.api.patch(
      `/api/articles/${story.id}`,
      { headline },
      { 'if-match': String(story.version) },
    );
    expect(reply.status).toBe(200);
    return reply.body as { id: string; version: number; revision: number };
  }

  async function comment(who: Person, articleId: string, text = 'Quelle?'): Promise<string> {
    const reply = await who.api.post(`/api/articles/${articleId}/comments`, { text });
    expect(reply.status).toBe(201);
    return reply.body.id;
  }

  it('tells a reviewer a story’s saves, locks, state changes, checks, comments and assignment, in order', async () => {
    const stream = await open(reviewer);
    const draft = await writeDraft(desk);
    await lockAs(editor, draft.id);
    await lockAs(editor, draft.id); // a heartbeat: not announced
    const edited = await save(
      editor,
      draft,
      `Sensoren melden den Füllstand ${randomUUID().slice(0, 4)}`,
    );
    await lockAs(reviewer, draft.id, 'lock/takeover');
    await unlockAs(reviewer, draft.id);
    await submitForReview(desk, draft);
    const commentId = await comment(reviewer, draft.id);
    expect(
      (await reviewer.api.post(`/api/articles/${draft.id}/comments/${commentId}/resolve`)).status,
    ).toBe(200);
    expect(
      (await editor.api.post(`/api/articles/${draft.id}/assign`, { assigneeId: reviewer.id }))
        .status,
    ).toBe(200);
    expect((await reviewer.api.post(`/api/articles/${draft.id}/approve`)).status).toBe(200);
    await newsdesk.settle();
    await stream.waitFor((m) => m.event === 'story.changed' && m.json.status === 'approved');

    const seen = about(stream, draft.id);
    expect(names(seen)).toEqual([
      'story.saved',
      'lock.taken',
      'story.saved',
      'lock.taken',
      'lock.released',
      'story.changed',
      'story.checked',
      'story.changed',
      'comment.added',
      'comment.resolved',
      'story.assigned',
      'story.changed',
    ]);
    const facts = { articleId: draft.id, sectionId: section.id, authorId: editor.id };
    expect(seen.map((m) => m.json)).toEqual([
      expect.objectContaining({
        ...facts,
        revision: 1,
        status: 'draft',
        version: draft.version,
        byId: editor.id,
      }),
      expect.objectContaining({ articleId: draft.id, byId: editor.id, takenOverFromId: null }),
      expect.objectContaining({ ...facts, revision: 2, version: edited.version, assigneeId: null }),
      expect.objectContaining({
        articleId: draft.id,
        byId: reviewer.id,
        takenOverFromId: editor.id,
      }),
      expect.objectContaining({ articleId: draft.id, byId: reviewer.id }),
      expect.objectContaining({
        ...facts,
        transition: 'submit',
        status: 'submitted',
        updateStatus: null,
      }),
      expect.objectContaining({ ...facts, passed: true, failedFields: [], byId: null }),
      expect.objectContaining({
        ...facts,
        transition: 'passChecks',
        status: 'in_review',
        byId: null,
      }),
      expect.objectContaining({
        articleId: draft.id,
        commentId,
        parentId: null,
        byId: reviewer.id,
      }),
      expect.objectContaining({ articleId: draft.id, commentId, byId: reviewer.id }),
      expect.objectContaining({ ...facts, assigneeId: reviewer.id, byId: editor.id }),
      expect.objectContaining({
        ...facts,
        transition: 'approve',
        status: 'approved',
        byId: reviewer.id,
      }),
    ]);
    // Every message names its stream entry and its event; entries only grow.
    const ids = seen.map((m) => m.id!);
    expect(ids.every((id) => /^\d+-\d+$/.test(id))).toBe(true);
    expect([...ids].sort(compareIds)).toEqual(ids);
    expect(new Set(seen.map((m) => m.json.eventId)).size).toBe(seen.length);
    // Versions only grow too: a client keeps the newest.
    const versions = seen.filter((m) => m.event.startsWith('story.')).map((m) => m.json.version);
    expect([...versions].sort((a, b) => a - b)).toEqual(versions);
    // The story's history names whom the lease was taken from, as the event does.
    const history = (await reviewer.api.get(`/api/articles/${draft.id}/history`)).body as {
      action: string;
      details: { from?: { id: string } };
    }[];
    expect(history.find((h) => h.action === 'takeOverLock')?.details.from?.id).toBe(editor.id);
    expect(stream.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(stream.headers.get('x-request-id')).toBeTruthy();
    // A quiet stream is kept open with comments.
    expect(stream.comments).toBeGreaterThan(0);
  });

  it('names the failing fields when the checks send a story back', async () => {
    const stream = await open(editor);
    const draft = await writeDraft(desk, { teaser: 'zu kurz' });
    expect((await editor.api.post(`/api/articles/${draft.id}/submit`)).status).toBe(202);
    await newsdesk.settle();
    const checked = await stream.waitFor(
      (m) => m.event === 'story.checked' && m.json.articleId === draft.id,
    );
    expect(checked.json).toMatchObject({
      passed: false,
      failedFields: ['teaser'],
      status: 'draft',
    });
    expect(about(stream, draft.id).map((m) => `${m.event}:${m.json.status}`)).toEqual([
      'story.saved:draft',
      'story.changed:submitted',
      'story.checked:draft',
      'story.changed:draft',
    ]);
  });

  it('resumes after Last-Event-ID with exactly what was missed, then goes on live', async () => {
    const witness = await open(reviewer);
    const first = await open(reviewer);
    const draft = await writeDraft(desk);
    const saved = await first.waitFor((m) => m.json?.articleId === draft.id);
    const resumeAfter = saved.id!;
    await first.close();

    // Missed while away: a save, a lock taken and given back, comments.
    const edited = await save(editor, draft, `Füllstand gemeldet ${randomUUID().slice(0, 4)}`);
    await lockAs(editor, draft.id);
    await unlockAs(editor, draft.id);
    await comment(reviewer, draft.id, 'Erste Frage');
    await comment(editor, draft.id, 'Zweite Frage');
    await newsdesk.settle();
    await witness.waitFor((m) => m.event === 'comment.added' && m.json.byId === editor.id);

    const missed = witness.messages.filter(
      (m) => m.id !== null && m.event !== 'ready' && compareIds(m.id, resumeAfter) > 0,
    );
    expect(names(missed.filter((m) => m.json.articleId === draft.id))).toEqual([
      'story.saved',
      'lock.taken',
      'lock.released',
      'comment.added',
      'comment.added',
    ]);
    const strip = (messages: SseMessage[]) =>
      messages.map(({ id, event, data }) => ({ id, event, data }));

    // The header, as EventSource sends it on a reconnect …
    const resumed = await open(reviewer, { headers: { 'last-event-id': resumeAfter } });
    const ready = resumed.messages.findIndex((m) => m.event === 'ready');
    expect(strip(resumed.messages.slice(0, ready))).toEqual(strip(missed));
    expect(resumed.messages[ready].id).toBe(missed[missed.length - 1].id);
    // … and the query parameter, for a page that starts where it left off.
    const reloaded = await open(reviewer, { query: `?lastEventId=${resumeAfter}` });
    const readyToo = reloaded.messages.findIndex((m) => m.event === 'ready');
    expect(strip(reloaded.messages.slice(0, readyToo))).toEqual(strip(missed));

    // Then live, each new event once.
    await save(editor, edited, `Füllstand gemeldet, neu ${randomUUID().slice(0, 4)}`);
    await newsdesk.settle();
    const live = await resumed.waitFor((m) => m.event === 'story.saved' && m.json.revision === 3);
    expect(resumed.messages.filter((m) => m.json?.eventId === live.json.eventId)).toHaveLength(1);
    expect(strip(resumed.messages.filter((m) => m.json?.articleId === draft.id))).toEqual(
      strip(
        witness.messages.filter(
          (m) => m.json?.articleId === draft.id && compareIds(m.id!, resumeAfter) > 0,
        ),
      ),
    );
  });

  it('delivers every event on every API process, each reading the stream once', async () => {
    const second: NestFastifyApplication = await newsdesk.startApi();
    try {
      const here = await open(reviewer);
      const there = await open(editor, { base: await second.getUrl() });
      const story = await writeDraft(desk);
      const commentId = await comment(reviewer, story.id);
      await newsdesk.settle();
      const a = await here.waitFor((m) => m.json?.commentId === commentId);
      const b = await there.waitFor((m) => m.json?.commentId === commentId);
      expect(b).toEqual(a);
      expect(names(about(there, story.id))).toEqual(['story.saved', 'comment.added']);
      // Each process reads the stream on one connection of its own, whatever its clients.
      const more = await Promise.all([
        open(photo, { base: await second.getUrl() }),
        open(reviewer, { base: await second.getUrl() }),
      ]);
      expect(more).toHaveLength(2);
      const readers = (await newsdesk.redis.call('CLIENT', 'LIST')) as string;
      const named = readers
        .split('\n')
        .filter((line) => line.includes('name=newsdesk:desk-stream-reader'));
      expect(named).toHaveLength(2);

      // Shutting a process down ends its streams (they reconnect elsewhere) instead of hanging.
      await second.close();
      await there.waitForEnd();
      expect(there.messages[there.messages.length - 1]).toMatchObject({
        event: 'end',
        json: { reason: 'shutdown' },
      });
      expect(here.isEnded).toBe(false);
    } finally {
      await second.close().catch(() => undefined);
    }
  });

  it('appends an event the relay sends again once: after a crash before the row was stamped sent, or twice by hand', async () => {
    const stream = await open(reviewer);
    const story = await writeDraft(desk);
    const commentId = await comment(reviewer, story.id);
    await newsdesk.settle();
    const received = await stream.waitFor((m) => m.json?.commentId === commentId);
    const em = newsdesk.orm.em.fork();
    const row = await em.findOneOrFail(OutboxEntry, {
      name: EventName.CommentAdded,
      payload: { commentId },
    });
    const envelope: EventEnvelope = {
      id: row.messageId,
      name: EventName.CommentAdded,
      occurredAt: row.createdAt.toISOString(),
      payload: row.payload as unknown as EventEnvelope['payload'],
    };

    // The writer called again with the same envelope.
    const writer = newsdesk.workflow.get(DeskStreamWriter);
    expect(await writer.append(envelope)).toEqual({ entryId: received.id, appended: false });
    // The row unsent again, as when the relay died after appending and before its stamp
    // committed: the relay sends it a second time.
    await em.nativeUpdate(OutboxEntry, { seq: row.seq }, { sentAt: null });
    await newsdesk.workflow.get(OutboxRelay).drain();
    expect((await em.fork().findOneOrFail(OutboxEntry, { seq: row.seq })).sentAt).not.toBeNull();
    await newsdesk.settle();
    const marker = await comment(reviewer, story.id, 'Danach');
    await newsdesk.settle();
    await stream.waitFor((m) => m.json?.commentId === marker);

    const entries = (await newsdesk.redis.call('XRANGE', DESK_STREAM_KEY, '-', '+')) as [
      string,
      string[],
    ][];
    expect(entries.filter(([, fields]) => fields.join('\n').includes(envelope.id))).toHaveLength(1);
    expect(stream.messages.filter((m) => m.json?.eventId === envelope.id)).toHaveLength(1);
  });

  it('shows each role what it may see: the photo desk the pictures, reviewers the stories', async () => {
    const pictures = await open(photo);
    const stories = await open(reviewer);
    const both = await open(editor);
    const story = await driveToReview(desk);
    const upload = new FormData();
    upload.append('alt', 'Sensor am Behälter');
    const file = withIptc(await photoJpeg(320, 240), { caption: `Live ${randomUUID()}` });
    upload.append('file', new Blob([file], { type: 'image/jpeg' }), 'sensor.jpg');
    const uploaded = await fetch(`${newsdesk.url}/api/images`, {
      method: 'POST',
      body: upload,
      headers: { authorization: `Bearer ${photo.token}` },
    });
    expect(uploaded.status).toBe(202);
    const imageId = ((await uploaded.json()) as { id: string }).id;
    await newsdesk.settle();
    const marker = await comment(reviewer, story.id, 'Zum Schluss');
    await newsdesk.settle();
    await both.waitFor((m) => m.json?.commentId === marker);
    await stories.waitFor((m) => m.json?.commentId === marker);

    const processed = await pictures.waitFor(
      (m) => m.event === 'image.processed' && m.json.imageId === imageId,
    );
    expect(processed.json).toMatchObject({ imageId, status: 'ready' });
    expect(pictures.messages.filter((m) => m.json?.articleId)).toEqual([]);
    expect(names(pictures.messages).every((n) => n.startsWith('image.') || n === 'ready')).toBe(
      true,
    );

    expect(about(stories, story.id).length).toBeGreaterThan(0);
    expect(stories.messages.filter((m) => m.event.startsWith('image.'))).toEqual([]);

    expect(names(about(both, story.id))).toEqual(names(about(stories, story.id)));
    expect(
      both.messages.some((m) => m.event === 'image.processed' && m.json.imageId === imageId),
    ).toBe(true);
  });

  it('refuses a request without a valid session in the API’s error shape, and a bad Last-Event-ID', async () => {
    const none = await SseStream.refusal(`${newsdesk.url}/api/stream`);
    expect(none.status).toBe(401);
    expect(none.contentType).toMatch(/application\/json/);
    expect(none.body).toEqual({
      statusCode: 401,
      error: 'unauthenticated',
      message: expect.any(String),
      details: {},
    });
    const forged = await SseStream.refusal(`${newsdesk.url}/api/stream`, {
      authorization: 'Bearer not.a.token',
    });
    expect([forged.status, forged.body.error]).toEqual([401, 'unauthenticated']);

    const garbage = await SseStream.refusal(`${newsdesk.url}/api/stream`, {
      authorization: `Bearer ${reviewer.token}`,
      'last-event-id': 'yesterday',
    });
    expect(garbage.status).toBe(400);
    expect(garbage.body.details.problems.map((p: { field: string }) => p.field)).toEqual([
      'Last-Event-ID',
    ]);
    const query = await SseStream.refusal(`${newsdesk.url}/api/stream?lastEventId=1-2-3`, {
      authorization: `Bearer ${reviewer.token}`,
    });
    expect(query.body.details.problems.map((p: { field: string }) => p.field)).toEqual([
      'lastEventId',
    ]);

    // The desk's browser sends the session cookie instead of a bearer token.
    const cookie = await SseStream.open(`${newsdesk.url}/api/stream`, {
      cookie: `newsdesk_session=${reviewer.token}`,
    });
    streams.push(cookie);
    await cookie.waitFor((m) => m.event === 'ready');
  });

  it('ends the stream when its session ends: logout, or sign-out everywhere', async () => {
    const leaving = await signIn(['reviewer']);
    const stream = await open(leaving);
    const other = await open(reviewer);
    expect((await leaving.api.post('/api/auth/logout')).status).toBe(204);
    await stream.waitForEnd();
    expect(stream.messages[stream.messages.length - 1]).toMatchObject({
      event: 'end',
      json: { reason: 'session_ended' },
    });
    expect(other.isEnded).toBe(false);
    // Its token opens no new stream.
    expect(
      (
        await SseStream.refusal(`${newsdesk.url}/api/stream`, {
          authorization: `Bearer ${leaving.token}`,
        })
      ).status,
    ).toBe(401);

    const everywhere = await signIn(['editor']);
    const onPhone = await open(everywhere);
    const secondLogin = await anonymous.login(
      (await everywhere.api.get('/api/auth/me')).body.user.email,
      PASSWORD,
    );
    expect((await secondLogin.post('/api/auth/logout-everywhere')).status).toBe(200);
    await onPhone.waitForEnd();
    expect(onPhone.messages.at(-1)).toMatchObject({
      event: 'end',
      json: { reason: 'session_ended' },
    });
  });

  it('tells a client whose Last-Event-ID the stream no longer holds to refetch everything', async () => {
    const stream = await open(reviewer);
    const story = await writeDraft(desk);
    const old = (await stream.waitFor((m) => m.json?.articleId === story.id)).id!;
    // More than the stream keeps (STREAM_MAX_LENGTH is 100 here): the oldest entries go.
    const writer = newsdesk.workflow.get(DeskStreamWriter);
    for (let i = 0; i < 250; i++) {
      await writer.append({
        id: randomUUID(),
        name: EventName.LockReleased,
        occurredAt: new Date().toISOString(),
        payload: { articleId: story.id, byId: reviewer.id },
      });
    }
    const length = Number(await newsdesk.redis.call('XLEN', DESK_STREAM_KEY));
    expect(length).toBeLessThan(250);
    await stream.waitFor((m) => m.json?.articleId === story.id && m.event === 'lock.released');

    const late = await open(reviewer, { headers: { 'last-event-id': old } });
    expect(names(late.messages)).toEqual(['reset', 'ready']);
    expect(late.messages[0].id).toBe(late.messages[1].id);
    // A future id (a Redis that lost its data and started again) is no resume point either.
    const future = await open(reviewer, { headers: { 'last-event-id': '99999999999999-0' } });
    expect(names(future.messages)).toEqual(['reset', 'ready']);
    // Resuming from the reset's id misses nothing after it.
    const comment2 = await comment(reviewer, story.id, 'Nach dem Zurücksetzen');
    await newsdesk.settle();
    const again = await open(reviewer, { headers: { 'last-event-id': late.messages[1].id! } });
    expect(again.messages.some((m) => m.json?.commentId === comment2)).toBe(true);
  });
});

function compareIds(a: string, b: string): number {
  const [am, as] = a.split('-').map(BigInt);
  const [bm, bs] = b.split('-').map(BigInt);
  return am !== bm ? (am < bm ? -1 : 1) : as === bs ? 0 : as < bs ? -1 : 1;
}
