import type { EntityManager } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import { RequestContext, insertEntities, type SqlStatement } from '@newsdesk/common';
import { OutboxEntry } from './outbox-entry.entity';
import { JobName, jobIdOf, type EventName, type EventPayloads, type JobPayloads } from './registry';

/**
 * Writes messages into the outbox within the caller's transaction. Nothing is
 * sent here: the relay sends the row once the transaction has committed.
 */
export const Outbox = {
  /** Announces a change to every consumer of `name`. */
  event<N extends EventName>(em: EntityManager, name: N, payload: EventPayloads[N]): OutboxEntry {
    const entry = em.create(OutboxEntry, eventMessage(name, payload));
    em.persist(entry);
    return entry;
  },

  /**
   * Queues a job, due at `runAt` (now when absent). The registry derives its
   * BullMQ job id from the payload, so the same work asked for twice (a double
   * click, a relay retry, a redelivered event) runs once; `again` asks for a
   * fresh id, when a finished job still holds the usual one.
   */
  job<N extends JobName>(
    em: EntityManager,
    name: N,
    payload: JobPayloads[N],
    options: { runAt?: Date; again?: Date } = {},
  ): OutboxEntry {
    const entry = em.create(OutboxEntry, jobMessage(name, payload, options));
    em.persist(entry);
    return entry;
  },
};

/** An outbox row's message: its kind, name and payload, and for a job its BullMQ id and due time. */
type Message = Pick<OutboxRow, 'kind' | 'name' | 'payload' | 'jobId' | 'runAt'>;

/** An event for every consumer of `name`. */
const eventMessage = <N extends EventName>(name: N, payload: EventPayloads[N]): Message => ({
  kind: 'event',
  name,
  payload: { ...payload },
  jobId: null,
  runAt: null,
});

/** A job, with the BullMQ id the registry derives from its payload (see {@link Outbox.job}). */
const jobMessage = <N extends JobName>(
  name: N,
  payload: JobPayloads[N],
  options: { runAt?: Date; again?: Date },
): Message => ({
  kind: 'job',
  name,
  payload: { ...payload },
  jobId: jobIdOf(name, payload, options.again),
  runAt: options.runAt ?? null,
});

/** An outbox row as {@link OutboxRows} writes it: what an {@link OutboxEntry} holds before it is sent. */
export interface OutboxRow {
  messageId: string;
  kind: 'event' | 'job';
  name: string;
  payload: Record<string, unknown>;
  jobId: string | null;
  runAt: Date | null;
  requestId: string | null;
  createdAt: Date;
}

/**
 * {@link Outbox} for hand-written SQL: the messages of one transaction
 * gathered in order and written by one insert ({@link OutboxRows.insert}),
 * for a path that writes its rows without entities (the publication job). The
 * rows are the ones {@link Outbox} writes: the same message ids, job ids,
 * request id and times.
 */
export class OutboxRows {
  readonly rows: OutboxRow[] = [];

  event<N extends EventName>(name: N, payload: EventPayloads[N]): OutboxRow {
    return this.add(eventMessage(name, payload));
  }

  job<N extends JobName>(
    name: N,
    payload: JobPayloads[N],
    options: { runAt?: Date; again?: Date } = {},
  ): OutboxRow {
    return this.add(jobMessage(name, payload, options));
  }

  /** The insert of every row gathered, in order. */
  insert(em: EntityManager): SqlStatement {
    return insertEntities(em, OutboxEntry, this.rows);
  }

  private add(row: Message): OutboxRow {
    const full: OutboxRow = {
      ...row,
      messageId: randomUUID(),
      requestId: RequestContext.requestId(),
      createdAt: new Date(),
    };
    this.rows.push(full);
    return full;
  }
}
