import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEntry } from './outbox-entry.entity';
import { JobName, jobIdOf, type EventName, type EventPayloads, type JobPayloads } from './registry';

/**
 * Writes messages into the outbox within the caller's transaction. Nothing is
 * sent here: the relay sends the row once the transaction has committed.
 */
export const Outbox = {
  /** Announces a change to every consumer of `name`. */
  event<N extends EventName>(em: EntityManager, name: N, payload: EventPayloads[N]): OutboxEntry {
    const entry = em.create(OutboxEntry, { kind: 'event', name, payload: { ...payload } });
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
    const entry = em.create(OutboxEntry, {
      kind: 'job',
      name,
      payload: { ...payload },
      jobId: jobIdOf(name, payload, options.again),
      runAt: options.runAt ?? null,
    });
    em.persist(entry);
    return entry;
  },
};
