import type { EntityManager } from '@mikro-orm/postgresql';
import { OutboxEntry } from './outbox-entry.entity';
import {
  JobName,
  type EventName,
  type EventPayloads,
  type JobPayloads,
  safeJobId,
} from './registry';

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
   * Queues a job. `dedupeKey` parts make the BullMQ job id, so the same work
   * asked for twice (a double click, a relay retry) runs once.
   */
  job<N extends JobName>(
    em: EntityManager,
    name: N,
    payload: JobPayloads[N],
    options: { dedupeKey: (string | number)[]; runAt?: Date },
  ): OutboxEntry {
    const entry = em.create(OutboxEntry, {
      kind: 'job',
      name,
      payload: { ...payload },
      jobId: safeJobId(name, ...options.dedupeKey),
      runAt: options.runAt ?? null,
    });
    em.persist(entry);
    return entry;
  },
};
