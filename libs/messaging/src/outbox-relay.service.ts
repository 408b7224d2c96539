import { EntityManager } from '@mikro-orm/postgresql';
import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
  Optional,
} from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { Clock } from '@newsdesk/common';
import type { OutboxEntry } from './outbox-entry.entity';
import { QueuesService } from './queues.service';
import { traced } from './trace';
import {
  EVENT_CONSUMERS,
  JOBS,
  eventQueueOf,
  isEventName,
  isJobName,
  isStreamedEvent,
  jobOptionsOf,
  registryQueueNames,
  type ConsumerName,
  type EventEnvelope,
} from './registry';

/**
 * Where the relay appends the events the desk needs live (`STREAMED_EVENTS`):
 * the desk's Redis stream, provided by `@newsdesk/stream`. The append must be
 * idempotent per event id — the relay sends a row again after a crash between
 * sending and stamping it sent.
 */
export interface EventStream {
  append(event: EventEnvelope): Promise<unknown>;
}
export const EVENT_STREAM = Symbol('EVENT_STREAM');

/**
 * Who is listening behind a consumer that acts only for some of its events:
 * the webhooks consumer does something only for an event a live subscription
 * names. `sql` (fixed text, no parameters) returns one row per event someone
 * wants, in a column `name`. The relay runs it in each batch's transaction,
 * right after reading the batch, and gives the consumer only the events it
 * names: a listener that existed when an event was committed is always seen,
 * and the rest are not queued for nothing.
 */
export interface ConsumerAudience {
  consumer: ConsumerName;
  sql: string;
}
export const CONSUMER_AUDIENCES = Symbol('CONSUMER_AUDIENCES');

/** Per gated consumer, the events its audience wants in this batch. */
type Wanted = ReadonlyMap<ConsumerName, ReadonlySet<string>>;

/** An unsent outbox row as the relay reads it. */
type Unsent = Pick<
  OutboxEntry,
  'seq' | 'messageId' | 'kind' | 'name' | 'payload' | 'jobId' | 'runAt' | 'requestId' | 'createdAt'
>;

/** As the query returns it: timestamps are text (MikroORM leaves Postgres' dates unparsed). */
interface UnsentRow {
  seq: string;
  message_id: string;
  kind: Unsent['kind'];
  name: string;
  payload: Record<string, unknown>;
  job_id: string | null;
  run_at: string | null;
  request_id: string | null;
  created_at: string;
}

const unsentOf = (row: UnsentRow): Unsent => ({
  seq: String(row.seq),
  messageId: row.message_id,
  kind: row.kind,
  name: row.name,
  payload: row.payload,
  jobId: row.job_id,
  runAt: row.run_at === null ? null : new Date(row.run_at),
  requestId: row.request_id,
  createdAt: new Date(row.created_at),
});

/** A seq as the text of an integer literal; anything else is a bug, not something to inline. */
function asInteger(seq: string): string {
  if (!/^\d+$/.test(seq)) throw new Error(`outbox seq ${seq} is not an integer`);
  return seq;
}

/** The part of knex's client the relay uses: its pool of `pg` connections. */
interface ConnectionPool {
  acquireConnection(): Promise<Client>;
  releaseConnection(connection: Client): Promise<unknown>;
}

/** The channel the outbox trigger notifies on every insert. */
export const OUTBOX_CHANNEL = 'outbox';
const BATCH = 200;

/**
 * Sends committed outbox rows to BullMQ, appends the desk's events to its
 * stream (`EVENT_STREAM`), and stamps the rows sent. Woken by
 * LISTEN/NOTIFY, with a polling fallback for lost notifications. Several
 * relays may run: `FOR UPDATE SKIP LOCKED` gives each row to one of them.
 * A crash between sending and stamping sends the row again later; the fixed
 * BullMQ job id, the stream's once-per-event append and idempotent consumers
 * make that harmless. Rows go out one after the other, in commit order, so the
 * desk's stream holds the events in that order (with one relay).
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(OutboxRelay.name);
  private listener: Client | null = null;
  private relisten: NodeJS.Timeout | null = null;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = true;

  constructor(
    private readonly em: EntityManager,
    private readonly queues: QueuesService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EVENT_STREAM) private readonly stream: EventStream,
    @Optional()
    @Inject(CONSUMER_AUDIENCES)
    private readonly audiences: readonly ConsumerAudience[] = [],
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.start();
  }

  /**
   * Stops before the queues close (they close on application shutdown, after
   * every module is destroyed): a pass in progress finishes its sends, instead
   * of failing them on a closed connection.
   */
  async onModuleDestroy(): Promise<void> {
    await this.stop();
  }

  async start(): Promise<void> {
    if (!this.stopped) return;
    this.stopped = false;
    // Connect to every queue now, not on the first message: the first publication after a
    // start would otherwise wait for the connections and BullMQ's script loading.
    await Promise.all(registryQueueNames().map((name) => this.queues.get(name).waitUntilReady()));
    await this.listen();
    this.timer = setInterval(() => this.wake(), this.config.outboxPollMs);
    this.wake();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    if (this.relisten) clearTimeout(this.relisten);
    this.relisten = null;
    await this.running;
    await this.listener?.end().catch(() => undefined);
    this.listener = null;
  }

  /**
   * LISTENs on its own connection. When that connection is lost (PostgreSQL
   * restarted, a network cut) polling carries on and the listener is opened
   * again every second until it is back, so notifications wake the relay again.
   */
  private async listen(): Promise<void> {
    const listener = new Client({ connectionString: this.config.databaseUrl });
    const lost = (reason: string) => {
      if (this.listener !== listener) return;
      this.listener = null;
      listener.end().catch(() => undefined);
      if (this.stopped) return;
      this.logger.warn(`outbox listener lost: ${reason}; polling until it is back`);
      this.listenAgain();
    };
    listener.on('notification', () => this.wake());
    listener.on('error', (error) => lost(error.message));
    listener.on('end', () => lost('connection ended'));
    this.listener = listener;
    try {
      await listener.connect();
      await listener.query(`LISTEN ${OUTBOX_CHANNEL}`);
    } catch (error) {
      if (this.listener === listener) this.listener = null;
      await listener.end().catch(() => undefined);
      throw error;
    }
  }

  private listenAgain(): void {
    if (this.stopped || this.relisten) return;
    this.relisten = setTimeout(() => {
      this.relisten = null;
      if (this.stopped || this.listener) return;
      this.listen().then(
        // Rows committed while nobody listened are picked up at once.
        () => this.wake(),
        () => this.listenAgain(),
      );
    }, 1000);
  }

  /** Runs a relay pass now, or right after the one in progress. */
  wake(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.exclusively(this.pass()).catch((error: unknown) =>
      this.logger.error(`outbox relay pass failed: ${String(error)}`),
    );
  }

  /**
   * Sends batches until nothing is left. Returns how many rows were sent. Waits
   * for a pass in progress first, and no pass starts until it is done: a pass
   * running beside it would hold rows it skips, so it could return before they
   * are stamped sent.
   */
  async drain(): Promise<number> {
    while (this.running) await this.running;
    return this.exclusively(this.sendBatches(() => true));
  }

  /** Marks the relay busy until `work` settles, then runs a pass asked for meanwhile. */
  private exclusively<T>(work: Promise<T>): Promise<T> {
    this.running = work
      .then(
        () => undefined,
        () => undefined,
      )
      .finally(() => {
        this.running = null;
        if (this.again && !this.stopped) {
          this.again = false;
          this.wake();
        }
      });
    return work;
  }

  /**
   * A pass of the running relay: like `drain`, but a stop ends it after the
   * batch in progress, so a long backlog does not hold up a shutdown (the
   * rest waits for the next relay).
   */
  private pass(): Promise<number> {
    return this.sendBatches(() => !this.stopped);
  }

  private async sendBatches(goOn: () => boolean): Promise<number> {
    let total = 0;
    for (;;) {
      const sent = await this.relayBatch();
      total += sent;
      if (sent < BATCH || !goOn()) return total;
    }
  }

  /**
   * One batch, in one transaction: the oldest unsent rows no other relay holds,
   * sent in order, then stamped. Plain SQL on a connection of its own from the
   * pool rather than entities: this runs for every message, and an entity per
   * row (hydrated, then diffed at the flush) cost more than sending it. The
   * transaction's begin goes with the read, and the stamp with the commit, so
   * a pass is two round trips to PostgreSQL instead of four. The consumers'
   * audiences (`CONSUMER_AUDIENCES`) are read in the first one.
   */
  private async relayBatch(): Promise<number> {
    const pool = this.em.getKnex().client as unknown as ConnectionPool;
    const connection = await pool.acquireConnection();
    try {
      const [, read, ...audiences] = (await connection.query(
        [
          `begin`,
          `select seq, message_id, kind, name, payload, job_id, run_at, request_id, created_at
             from outbox where sent_at is null order by seq limit ${BATCH}
              for update skip locked`,
          ...this.audiences.map((audience) => audience.sql),
        ].join(';\n'),
      )) as unknown as [unknown, { rows: UnsentRow[] }, ...{ rows: { name: string }[] }[]];
      const rows = read.rows.map(unsentOf);
      const wanted: Wanted = new Map(
        this.audiences.map((audience, i) => [
          audience.consumer,
          new Set(audiences[i].rows.map((row) => row.name)),
        ]),
      );
      const sent: string[] = [];
      const failed: { seq: string; error: string }[] = [];
      for (const row of rows) {
        try {
          await this.send(row, wanted);
          sent.push(row.seq);
        } catch (error) {
          // Leave it unsent; the next pass tries again. Later rows go on, so one
          // bad message cannot hold up the rest.
          const message = error instanceof Error ? error.message : String(error);
          failed.push({ seq: row.seq, error: message });
          this.logger.warn(`outbox ${row.name} ${row.messageId} not sent: ${message}`);
        }
      }
      await this.beforeCommit(rows);
      for (const { seq, error } of failed)
        await connection.query(
          'update outbox set attempts = attempts + 1, last_error = $1 where seq = $2',
          [error, seq],
        );
      // Inlined, as a statement with parameters cannot share a round trip: seqs are
      // the database's own integers, the time is this process's clock.
      const stamp = sent.length
        ? `update outbox set sent_at = '${this.clock.now().toISOString()}', last_error = null
            where seq in (${sent.map(asInteger).join(', ')});`
        : '';
      await connection.query(`${stamp} commit`);
      return sent.length;
    } catch (error) {
      // Outside a transaction (it failed to begin) this only warns; on a broken
      // connection it fails, and the pool drops that connection.
      await connection.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      await pool.releaseConnection(connection);
    }
  }

  /**
   * Runs after a batch was handed to BullMQ and before it is stamped sent: the
   * window in which a crash makes the relay send the batch again. Fault-injection
   * tests override it to crash exactly there.
   */
  protected async beforeCommit(_rows: Unsent[]): Promise<void> {}

  private async send(row: Unsent, wanted: Wanted): Promise<void> {
    if (row.kind === 'job') {
      if (!isJobName(row.name)) throw new Error(`unknown job ${row.name}`);
      const delay = row.runAt ? Math.max(0, row.runAt.getTime() - this.clock.now().getTime()) : 0;
      await this.queues
        .get(JOBS[row.name].queue)
        .add(row.name, traced(row.payload, row.requestId), {
          ...jobOptionsOf(row.name, this.config),
          jobId: row.jobId ?? row.messageId,
          delay,
        });
      return;
    }
    if (!isEventName(row.name)) throw new Error(`unknown event ${row.name}`);
    const envelope: EventEnvelope = {
      id: row.messageId,
      name: row.name,
      occurredAt: row.createdAt.toISOString(),
      payload: row.payload as unknown as EventEnvelope['payload'],
      ...(row.requestId ? { requestId: row.requestId } : {}),
    };
    const consumers = EVENT_CONSUMERS[row.name].filter(
      (consumer) => wanted.get(consumer)?.has(row.name) ?? true,
    );
    await Promise.all([
      ...consumers.map((consumer) =>
        this.queues.get(eventQueueOf(consumer)).add(row.name, envelope, { jobId: row.messageId }),
      ),
      ...(isStreamedEvent(row.name) ? [this.stream.append(envelope)] : []),
    ]);
  }
}
