import { EntityManager, LockMode } from '@mikro-orm/postgresql';
import { Inject, Injectable } from '@nestjs/common';
import { Clock, Forbidden, Locked } from '@newsdesk/common';
import { APP_CONFIG, type AppConfig } from '@newsdesk/config';
import { EventName, Outbox } from '@newsdesk/messaging';
import { assertEditable } from './article-state-machine';
import { EditLock } from './edit-lock.entity';
import { StoryStore, subjectOf, type UserActor } from './story-store';

export interface LockView {
  articleId: string;
  holder: { id: string; name: string };
  acquiredAt: string;
  expiresAt: string;
  mine: boolean;
}

/**
 * Edit leases. Opening a story for editing takes the lease; a heartbeat (the
 * same call) renews it; it ends by itself `EDIT_LOCK_SECONDS` after the last
 * heartbeat. Others get 423 on save while it runs. Only someone who may edit
 * the story now may take or renew the lease (else a bystander could keep the
 * author out by renewing it forever). A reviewer or admin may take it over;
 * the previous holder learns so on their next call.
 */
@Injectable()
export class EditLocksService {
  constructor(
    private readonly em: EntityManager,
    private readonly clock: Clock,
    private readonly store: StoryStore,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Takes or renews the lease; refused like a save to those who may not edit the story. */
  acquire(actor: UserActor & { name: string }, articleId: string): Promise<LockView> {
    return this.em.fork().transactional(async (em) => {
      assertEditable(subjectOf(await this.store.load(em, articleId)), actor);
      const now = this.clock.now();
      const lock = await em.findOne(
        EditLock,
        { articleId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (lock && lock.expiresAt > now && lock.holderId !== actor.id) this.refuse(lock, actor);
      const expiresAt = new Date(now.getTime() + this.config.editLockSeconds * 1000);
      // A heartbeat renews the lease quietly; only a lease newly taken is announced.
      if (lock && lock.holderId === actor.id && lock.expiresAt > now) {
        lock.expiresAt = expiresAt;
        return this.view(lock, actor);
      }
      const fresh =
        lock ??
        em.create(EditLock, {
          articleId,
          holderId: actor.id,
          holderName: actor.name,
          acquiredAt: now,
          expiresAt,
        });
      Object.assign(fresh, {
        holderId: actor.id,
        holderName: actor.name,
        acquiredAt: now,
        expiresAt,
        takenOverFromId: null,
        takenOverFromName: null,
        takenOverAt: null,
      });
      em.persist(fresh);
      Outbox.event(em, EventName.LockTaken, { articleId, byId: actor.id, takenOverFromId: null });
      return this.view(fresh, actor);
    });
  }

  /** Gives the lease back (only the holder can). */
  release(actor: UserActor, articleId: string): Promise<void> {
    return this.em.fork().transactional(async (em) => {
      const lock = await em.findOne(EditLock, { articleId });
      if (!lock || lock.holderId !== actor.id) return;
      em.remove(lock);
      // A lease that had lapsed was free already: nothing changes for the desk.
      if (lock.expiresAt > this.clock.now())
        Outbox.event(em, EventName.LockReleased, { articleId, byId: actor.id });
    });
  }

  /** A reviewer or admin takes the lease from whoever holds it. */
  takeOver(actor: UserActor & { name: string }, articleId: string): Promise<LockView> {
    if (!actor.roles.some((r) => r === 'reviewer' || r === 'admin')) {
      throw new Forbidden('only a reviewer or an admin may take over an edit lock', {
        required: ['reviewer', 'admin'],
      });
    }
    return this.em.fork().transactional(async (em) => {
      const article = await this.store.load(em, articleId);
      const now = this.clock.now();
      const lock = await em.findOne(
        EditLock,
        { articleId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      const expiresAt = new Date(now.getTime() + this.config.editLockSeconds * 1000);
      // Copied: the row itself is about to name the new holder.
      const previous =
        lock && lock.expiresAt > now && lock.holderId !== actor.id
          ? { holderId: lock.holderId, holderName: lock.holderName }
          : null;
      const heldAlready = lock !== null && lock.expiresAt > now && lock.holderId === actor.id;
      const next =
        lock ??
        em.create(EditLock, {
          articleId,
          holderId: actor.id,
          holderName: actor.name,
          acquiredAt: now,
          expiresAt,
        });
      Object.assign(next, {
        holderId: actor.id,
        holderName: actor.name,
        acquiredAt: now,
        expiresAt,
        takenOverFromId: previous?.holderId ?? null,
        takenOverFromName: previous?.holderName ?? null,
        takenOverAt: previous ? now : null,
      });
      em.persist(next);
      if (!heldAlready) {
        Outbox.event(em, EventName.LockTaken, {
          articleId,
          byId: actor.id,
          takenOverFromId: previous?.holderId ?? null,
        });
      }
      if (previous) {
        this.store.audit(em, article, actor, 'takeOverLock', article.status, article.status, {
          from: { id: previous.holderId, name: previous.holderName },
        });
      }
      return this.view(next, actor);
    });
  }

  async current(actor: UserActor, articleId: string): Promise<LockView | null> {
    const lock = await this.em.fork().findOne(EditLock, { articleId });
    return lock && lock.expiresAt > this.clock.now() ? this.view(lock, actor) : null;
  }

  /** Throws 423 when someone else holds a live lease on the story (call inside the saving transaction). */
  async assertMaySave(em: EntityManager, actor: UserActor, articleId: string): Promise<void> {
    const lock = await em.findOne(EditLock, { articleId });
    if (lock && lock.expiresAt > this.clock.now() && lock.holderId !== actor.id)
      this.refuse(lock, actor);
  }

  private refuse(lock: EditLock, actor: UserActor): never {
    const takenFromCaller = lock.takenOverFromId === actor.id;
    throw new Locked(
      takenFromCaller
        ? `${lock.holderName} took over editing this story; your changes were not saved`
        : `${lock.holderName} is editing this story until ${lock.expiresAt.toISOString()}`,
      {
        reason: takenFromCaller ? 'taken_over' : 'held',
        holder: { id: lock.holderId, name: lock.holderName },
        expiresAt: lock.expiresAt.toISOString(),
      },
    );
  }

  private view(lock: EditLock, actor: UserActor): LockView {
    return {
      articleId: lock.articleId,
      holder: { id: lock.holderId, name: lock.holderName },
      acquiredAt: lock.acquiredAt.toISOString(),
      expiresAt: lock.expiresAt.toISOString(),
      mine: lock.holderId === actor.id,
    };
  }
}
