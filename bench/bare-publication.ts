/**
 * The bare baseline of a publication for bench/publication-cost.ts: the same
 * PostgreSQL writes and BullMQ hops a publication makes, with plain `pg` and
 * `bullmq` in one process and nothing else — no framework, no ORM, no
 * logging, metrics, receipts or webhooks.
 *
 *   1. "publish": lock the story, mark it scheduled, audit, and write the
 *      publication job and its event to the outbox, in one transaction;
 *   2. a relay sends the job to BullMQ and stamps the row sent;
 *   3. the job: lock the story, upsert its public version, mark it published,
 *      audit, and write `article.published` to the outbox and the story's
 *      event log, in one transaction;
 *   4. the relay sends the event to BullMQ;
 *   5. the event: read the section's newest teasers and the snapshot's time
 *      in one statement and store the listing in Redis.
 *
 * The tables are copies of the real ones (`like … including all`: the same
 * columns, indexes, defaults and generated columns) in a schema of their own,
 * so the writes cost what the real ones cost, less the real tables' triggers
 * (the tag index of public versions, the outbox's notification).
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { Queue, Worker } from 'bullmq';
import { Redis } from 'ioredis';
import { Pool, type PoolClient } from 'pg';
import { redisOptions } from '@newsdesk/messaging';
import { atRate } from './support';

const TABLES = ['articles', 'published_articles', 'audit_log', 'outbox', 'publication_events'];
const LISTING_SIZE = 50;

export interface BareRun {
  /** Seconds from the first publication to the last one in its listing. */
  seconds: number;
  published: number;
}

async function inTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await work(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** The insertable columns of a table (not generated ones). */
async function columnsOf(pool: Pool, table: string): Promise<string[]> {
  const { rows } = await pool.query<{ column_name: string }>(
    `select column_name from information_schema.columns
      where table_schema = 'bare' and table_name = $1 and is_generated = 'NEVER'
      order by ordinal_position`,
    [table],
  );
  return rows.map((r) => r.column_name);
}

/**
 * Copies the tables and the given approved stories into the schema `bare`,
 * then publishes each of them at `rate` per second through the steps above.
 */
export async function runBarePublications(options: {
  databaseUrl: string;
  redisUrl: string;
  articleIds: string[];
  rate: number;
}): Promise<BareRun> {
  const pool = new Pool({ connectionString: options.databaseUrl, max: 10 });
  const connection = redisOptions(options.redisUrl);
  const prefix = `bare-${randomUUID().slice(0, 8)}`;
  const jobs = new Queue('jobs', { connection, prefix });
  const events = new Queue('events', { connection, prefix });
  const redis = new Redis(connection);
  let jobWorker: Worker | null = null;
  let eventWorker: Worker | null = null;
  try {
    await pool.query('drop schema if exists bare cascade; create schema bare');
    for (const table of TABLES)
      await pool.query(`create table bare.${table} (like public.${table} including all)`);
    const articleColumns = (await columnsOf(pool, 'articles')).join(', ');
    await pool.query(
      `insert into bare.articles (${articleColumns})
       select ${articleColumns} from public.articles where id = any($1)`,
      [options.articleIds],
    );
    const {
      rows: [{ row: template } = { row: null }],
    } = await pool.query<{ row: Record<string, unknown> | null }>(
      `select to_jsonb(p) as row from public.published_articles p order by published_at desc limit 1`,
    );
    if (!template) throw new Error('the baseline needs one published story as a template');
    const publishedColumns = (await columnsOf(pool, 'published_articles')).join(', ');
    const upsertPublished = `insert into bare.published_articles (${publishedColumns})
      select ${publishedColumns} from jsonb_populate_record(null::bare.published_articles, $1::jsonb)
      on conflict (article_id) do update set (${publishedColumns}) = (${publishedColumns
        .split(', ')
        .map((c) => `excluded.${c}`)
        .join(', ')})`;
    const outboxInsert = `insert into bare.outbox (message_id, kind, name, payload, job_id, created_at)
      values ($1, $2, $3, $4, $5, now())`;
    /** Locks the story, moves it on (a new version) and audits the move, as every state change does. */
    const transition = async (
      client: PoolClient,
      articleId: string,
      from: string,
      to: 'scheduled' | 'published',
    ) => {
      const {
        rows: [article],
      } = await client.query<{ slug: string; section_id: string; version: number }>(
        'select * from bare.articles where id = $1 for update',
        [articleId],
      );
      await client.query(
        `update bare.articles set status = $3, ${to === 'published' ? 'published_at' : 'publish_at'} = now(),
                version = version + 1
          where id = $1 and version = $2`,
        [articleId, article.version, to],
      );
      await client.query(
        `insert into bare.audit_log (article_id, action, from_status, to_status, article_version, details, created_at)
         values ($1, $2, $3, $4, $5, '{}', now())`,
        [articleId, to === 'published' ? 'release' : 'publish', from, to, article.version + 1],
      );
      return article;
    };

    // The relay: every unsent row, in order, to BullMQ; stamped in the same transaction.
    let relaying: Promise<void> | null = null;
    let again = false;
    const relayPass = () =>
      inTransaction(pool, async (client) => {
        const { rows } = await client.query<{
          seq: string;
          kind: string;
          name: string;
          payload: unknown;
          message_id: string;
        }>(
          `select seq, kind, name, payload, message_id from bare.outbox
            where sent_at is null order by seq limit 200 for update skip locked`,
        );
        for (const row of rows) {
          if (row.kind === 'job') await jobs.add(row.name, row.payload, { jobId: row.message_id });
          else if (row.name === 'article.published')
            await events.add(row.name, row.payload, { jobId: row.message_id });
        }
        if (rows.length)
          await client.query('update bare.outbox set sent_at = now() where seq = any($1)', [
            rows.map((r) => r.seq),
          ]);
      });
    const wake = () => {
      if (relaying) {
        again = true;
        return;
      }
      relaying = relayPass().finally(() => {
        relaying = null;
        if (again) {
          again = false;
          wake();
        }
      });
    };

    let published = 0;
    let failed: (error: Error) => void = () => undefined;
    const allPublished = new Promise<void>((done, fail) => {
      failed = fail;
      eventWorker = new Worker(
        'events',
        async (job) => {
          const { sectionId } = job.data as { sectionId: string };
          // One statement, so one snapshot, stamped with its own time (as Newsdesk reads a round).
          const {
            rows: [{ now, items }],
          } = await pool.query<{ now: Date; items: unknown[] }>(
            `select now() as now,
                    (select coalesce(json_agg(r order by r.published_at desc, r.article_id desc), '[]')
                       from (select article_id, slug, section_slug, kicker, headline, teaser, format,
                                    published_at, teaser_image, home_pinned, home_priority, series, tags
                               from bare.published_articles where section_id = $1
                              order by published_at desc, article_id desc limit $2) r) as items`,
            [sectionId, LISTING_SIZE + 1],
          );
          const listing = { builtFrom: now, items: items.slice(0, LISTING_SIZE) };
          await redis.set(`${prefix}:listing:${sectionId}`, JSON.stringify(listing));
          if (++published === options.articleIds.length) done();
        },
        { connection, prefix, concurrency: 4 },
      );
    });
    jobWorker = new Worker(
      'jobs',
      async (job) => {
        const { articleId } = job.data as { articleId: string };
        await inTransaction(pool, async (client) => {
          const article = await transition(client, articleId, 'scheduled', 'published');
          await client.query('select * from bare.published_articles where article_id = $1', [
            articleId,
          ]);
          await client.query(upsertPublished, [
            {
              ...template,
              article_id: articleId,
              slug: article.slug,
              section_id: article.section_id,
              published_at: new Date(),
            },
          ]);
          const eventId = randomUUID();
          const payload = {
            articleId,
            sectionId: article.section_id,
            version: article.version + 1,
          };
          await client.query(outboxInsert, [eventId, 'event', 'article.published', payload, null]);
          await client.query(
            `insert into bare.publication_events (event_id, article_id, event, version, listings, occurred_at)
             values ($1, $2, 'article.published', $3, '{}', now())`,
            [eventId, articleId, article.version + 1],
          );
        });
        wake();
      },
      { connection, prefix, concurrency: 4 },
    );
    // Awaited after publishing; a failure before then must not go unhandled meanwhile.
    allPublished.catch(() => undefined);
    for (const worker of [jobWorker, eventWorker!])
      worker.on('failed', (_job, error) => failed(error));
    await Promise.all([jobWorker.waitUntilReady(), eventWorker!.waitUntilReady()]);

    const started = performance.now();
    await atRate(options.articleIds.length, options.rate, async (i) => {
      const articleId = options.articleIds[i];
      await inTransaction(pool, async (client) => {
        await transition(client, articleId, 'approved', 'scheduled');
        const jobId = randomUUID();
        await client.query(`${outboxInsert}, ($6, 'event', 'article.scheduled', $7, null, now())`, [
          jobId,
          'job',
          'article.publish',
          { articleId },
          jobId,
          randomUUID(),
          { articleId },
        ]);
      });
      wake();
    });
    await allPublished;
    const seconds = (performance.now() - started) / 1000;
    while (relaying) await sleep(10);
    return { seconds, published };
  } finally {
    await jobWorker?.close();
    await (eventWorker as Worker | null)?.close();
    await Promise.all([jobs.obliterate({ force: true }), events.obliterate({ force: true })]);
    await Promise.all([jobs.close(), events.close(), redis.quit()]);
    await pool.query('drop schema if exists bare cascade').catch(() => undefined);
    await pool.end();
  }
}
