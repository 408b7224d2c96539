/**
 * The one way tests take a story through the newsroom: over the HTTP API, as
 * editors and reviewers do, asserting each state on the way. Small steps
 * ({@link writeDraft}, {@link submitForReview}, {@link approveEveryStep},
 * {@link requestPublication}, {@link publishNow}) and the drives built from
 * them ({@link driveToReview}, {@link driveToApproved}, {@link driveToPublished}).
 *
 * A step that finds the story anywhere but where it should be throws, naming
 * the story, the step and the state it was found in.
 */
import type { ArticleView } from '@newsdesk/editorial';
import { OutboxEntry } from '@newsdesk/messaging';
import { makeDraft } from './factories';
import { ApiClient, type Reply } from './http';
import type { Newsdesk } from './newsdesk';

/** A story as editors see it through the API (`GET /api/articles/:id`). */
export type Story = ArticleView;

/** Who takes a story through the newsroom, and where. */
export interface Desk {
  /** The running stack; the steps wait on it with `settle()`. */
  newsdesk: Newsdesk;
  /** Writes and submits the story (its author). */
  editor: ApiClient;
  /**
   * Approve the section's steps in order, step `i` by `reviewers[i]` (nobody
   * approves two steps of a story). The first one publishes, unless
   * {@link publisher} says otherwise.
   */
  reviewers: ApiClient[];
  publisher?: ApiClient;
  /** The section's slug, for drafts that name none. */
  section?: string;
}

/** A draft's fields over {@link makeDraft}'s (which pass every publish check); `section` is a slug. */
export type DraftFields = Record<string, unknown> & { section?: string };

/** Creates a draft (201) as the desk's editor; returns it, `draft`. */
export async function writeDraft(desk: Desk, fields: DraftFields = {}): Promise<Story> {
  const { section = desk.section, ...overrides } = fields;
  if (!section) throw new Error('writeDraft: no section given, and the desk has none');
  const reply = await desk.editor.post<Story>('/api/articles', makeDraft(section, overrides));
  expectReply(reply, 201, `creating a draft in ${section}`);
  expectState(reply.body, 'draft', 'after creating it');
  return reply.body;
}

/**
 * Submits the story (202, `submitted`), waits for its checks and expects it
 * `in_review`; a story sent back by its checks fails with the checks it failed.
 */
export async function submitForReview(desk: Desk, story: { id: string }): Promise<Story> {
  const reply = await desk.editor.post<Story>(`/api/articles/${story.id}/submit`);
  expectReply(reply, 202, `submitting story ${story.id}`);
  expectState(reply.body, 'submitted', 'in the reply to its submission');
  await desk.newsdesk.settle();
  const checked = await view(desk, story.id);
  expectState(checked, 'in_review', 'once its checks ran');
  return checked;
}

/**
 * Approves a story in review once per approval step of its section, step `i`
 * by `desk.reviewers[i]`: `in_review` with the next step named between steps,
 * `approved` after the last one.
 */
export async function approveEveryStep(desk: Desk, story: { id: string }): Promise<Story> {
  let current = await view(desk, story.id);
  expectState(current, 'in_review', 'before its approvals');
  const steps = await approvalStepsOf(desk, current.section.slug);
  if (desk.reviewers.length < steps.length) {
    throw new Error(
      `section ${current.section.slug} has ${steps.length} approval steps ` +
        `(${steps.map((s) => s.key).join(', ')}), the desk only ${desk.reviewers.length} reviewers`,
    );
  }
  for (const [i, step] of steps.entries()) {
    const last = i === steps.length - 1;
    const reply = await desk.reviewers[i].post<Story>(`/api/articles/${story.id}/approve`);
    expectReply(reply, 200, `approving step ${step.key} of story ${story.id}`);
    current = reply.body;
    expectState(current, last ? 'approved' : 'in_review', `after the approval step ${step.key}`);
    const next = last ? null : steps[i + 1].key;
    if ((current.nextApprovalStep?.key ?? null) !== next) {
      throw new Error(
        `${named(current)} after the approval step ${step.key}: expected the next step ` +
          `${next ?? 'none'}, found ${current.nextApprovalStep?.key ?? 'none'}`,
      );
    }
  }
  return current;
}

/**
 * Asks to publish an approved (or reschedule a scheduled) story, now or at
 * `at` (ISO-8601 with an offset): 202 and `scheduled`, at the time asked for.
 * Does not wait for the publication job.
 */
export async function requestPublication(
  desk: Desk,
  story: { id: string },
  options: { at?: string; headers?: Record<string, string> } = {},
): Promise<Story> {
  const publisher = desk.publisher ?? desk.reviewers[0];
  const reply = await publisher.post<Story>(
    `/api/articles/${story.id}/publish`,
    options.at === undefined ? {} : { at: options.at },
    options.headers,
  );
  expectReply(reply, 202, `publishing story ${story.id}`);
  expectState(reply.body, 'scheduled', 'in the reply to its publication');
  if (
    options.at !== undefined &&
    reply.body.publishAt?.utc !== new Date(options.at).toISOString()
  ) {
    throw new Error(
      `${named(reply.body)}: asked to publish at ${options.at}, scheduled for ${reply.body.publishAt?.utc}`,
    );
  }
  return reply.body;
}

/**
 * Publishes an approved story now, waits for the publication job and expects
 * it `published` and served at `/public/articles/:slug`.
 */
export async function publishNow(desk: Desk, story: { id: string }): Promise<Story> {
  await requestPublication(desk, story);
  await desk.newsdesk.settle();
  const published = await view(desk, story.id);
  expectState(published, 'published', 'once its publication job ran');
  const page = await new ApiClient(desk.newsdesk.url).get(`/public/articles/${published.slug}`);
  expectReply(
    page,
    200,
    `reading published story ${story.id} at /public/articles/${published.slug}`,
  );
  return published;
}

/** A new story, written and submitted: `in_review`. */
export async function driveToReview(desk: Desk, fields: DraftFields = {}): Promise<Story> {
  return submitForReview(desk, await writeDraft(desk, fields));
}

/** A new story, written, submitted and approved at every step of its section: `approved`. */
export async function driveToApproved(desk: Desk, fields: DraftFields = {}): Promise<Story> {
  return approveEveryStep(desk, await driveToReview(desk, fields));
}

/** A new story all the way: written, submitted, approved at every step, published and served. */
export async function driveToPublished(desk: Desk, fields: DraftFields = {}): Promise<Story> {
  return publishNow(desk, await driveToApproved(desk, fields));
}

/** The outbox rows named `name` (an event or a job) about a story, oldest first. */
export function outboxRowsOf(
  newsdesk: Newsdesk,
  story: { id: string },
  name: string,
): Promise<OutboxEntry[]> {
  return newsdesk.orm.em
    .fork()
    .find(OutboxEntry, { name, payload: { articleId: story.id } }, { orderBy: { seq: 'asc' } });
}

/** The story's one outbox row named `name` (e.g. its `article.published`); fails unless there is exactly one. */
export async function outboxRowOf(
  newsdesk: Newsdesk,
  story: { id: string },
  name: string,
): Promise<OutboxEntry> {
  const rows = await outboxRowsOf(newsdesk, story, name);
  if (rows.length !== 1)
    throw new Error(`story ${story.id}: expected one ${name} in the outbox, found ${rows.length}`);
  return rows[0];
}

async function view(desk: Desk, id: string): Promise<Story> {
  const reply = await desk.editor.get<Story>(`/api/articles/${id}`);
  expectReply(reply, 200, `reading story ${id}`);
  return reply.body;
}

async function approvalStepsOf(desk: Desk, section: string): Promise<{ key: string }[]> {
  const reply =
    await desk.editor.get<{ slug: string; approvalSteps: { key: string }[] }[]>('/api/sections');
  expectReply(reply, 200, 'listing the sections');
  const found = reply.body.find((s) => s.slug === section);
  if (!found) throw new Error(`section ${section} is not among /api/sections`);
  return found.approvalSteps;
}

function named(story: Story): string {
  return `story "${story.headline}" (${story.id})`;
}

function expectReply(reply: Reply, status: number, what: string): void {
  if (reply.status !== status) {
    throw new Error(
      `${what}: expected HTTP ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`,
    );
  }
}

function expectState(story: Story, status: Story['status'], when: string): void {
  if (story.status === status) return;
  const checks = story.failedChecks?.length
    ? ` (failed checks: ${story.failedChecks.map((f) => `${f.field}: ${f.message}`).join('; ')})`
    : '';
  throw new Error(`${named(story)} ${when}: expected ${status}, found ${story.status}${checks}`);
}
