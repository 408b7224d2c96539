/**
 * The article state machine: every transition, where it may start, where it
 * ends, and who may make it. Pure: no database, no clock. Read it as one table.
 */
import { ForbiddenTransition } from '@newsdesk/common';
import type { Actor, Role } from '@newsdesk/identity';
import type { ArticleStatus } from './article-status';

/** Who may make a transition: roles of signed-in users, or only the system (jobs). */
type Performer = { roles: readonly Role[]; author: 'any' | 'only' | 'never' } | 'system';

interface TransitionRule {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  by: Performer;
}

// prettier-ignore
export const TRANSITIONS = {
  // name            from                                   to                   who
  submit:         { from: ['draft', 'changes_requested'], to: 'submitted',         by: { roles: ['editor', 'admin'], author: 'only' } },
  passChecks:     { from: ['submitted'],                  to: 'in_review',         by: 'system' },
  failChecks:     { from: ['submitted'],                  to: 'draft',             by: 'system' },
  approveStep:    { from: ['in_review'],                  to: 'in_review',         by: { roles: ['reviewer', 'admin'], author: 'never' } },
  approve:        { from: ['in_review'],                  to: 'approved',          by: { roles: ['reviewer', 'admin'], author: 'never' } },
  requestChanges: { from: ['in_review'],                  to: 'changes_requested', by: { roles: ['reviewer', 'admin'], author: 'never' } },
  schedule:       { from: ['approved'],                   to: 'scheduled',         by: { roles: ['reviewer', 'admin'], author: 'any' } },
  reschedule:     { from: ['scheduled'],                  to: 'scheduled',         by: { roles: ['reviewer', 'admin'], author: 'any' } },
  cancelSchedule: { from: ['scheduled'],                  to: 'approved',          by: { roles: ['reviewer', 'admin'], author: 'any' } },
  release:        { from: ['scheduled'],                  to: 'published',         by: 'system' },
  correct:        { from: ['published'],                  to: 'published',         by: { roles: ['reviewer', 'admin'], author: 'any' } },
  // A substantial update of a published story is reviewed while the public version stays live.
  submitUpdate:   { from: ['published'],                  to: 'published',         by: { roles: ['editor', 'admin'], author: 'only' } },
  approveUpdateStep: { from: ['published'],               to: 'published',         by: { roles: ['reviewer', 'admin'], author: 'never' } },
  approveUpdate:  { from: ['published'],                  to: 'published',         by: { roles: ['reviewer', 'admin'], author: 'never' } },
  requestUpdateChanges: { from: ['published'],            to: 'published',         by: { roles: ['reviewer', 'admin'], author: 'never' } },
  unpublish:      { from: ['published'],                  to: 'unpublished',       by: { roles: ['reviewer', 'admin'], author: 'any' } },
  kill:           { from: ['published', 'unpublished'],   to: 'killed',            by: { roles: ['reviewer', 'admin'], author: 'any' } },
  reopen:         { from: ['unpublished'],                to: 'draft',             by: { roles: ['editor', 'admin'], author: 'only' } },
  reopenKilled:   { from: ['killed'],                     to: 'draft',             by: { roles: ['admin'], author: 'any' } },
} as const satisfies Record<string, TransitionRule>;

export type Transition = keyof typeof TRANSITIONS;
export const TRANSITION_NAMES = Object.keys(TRANSITIONS) as Transition[];

/**
 * States in which the content of a story may be edited, and by whom. Editing a
 * published story changes its working copy only; the public version stays as it
 * is until a correction is published.
 */
const EDITABLE: readonly ArticleStatus[] = ['draft', 'changes_requested', 'published'];
const EDITORS: Performer = { roles: ['editor', 'admin'], author: 'only' };

/** The story a decision is about: its state and who wrote it. */
export interface StorySubject {
  status: ArticleStatus;
  authorId: string;
}

export type Decision =
  { allowed: true; to: ArticleStatus } | { allowed: false; error: ForbiddenTransition };

/** `admin` acts for anybody, so the author rule `only` does not bind an admin; `never` (four-eyes) binds everybody. */
function performerRefusal(
  by: Performer,
  actor: Actor,
  story: StorySubject,
  action: string,
): ForbiddenTransition | null {
  if (by === 'system') {
    return actor.kind === 'system'
      ? null
      : new ForbiddenTransition(`${action} is done by the system only`, 'wrong_role');
  }
  if (actor.kind === 'system') return null;
  if (!actor.roles.some((role) => by.roles.includes(role))) {
    return new ForbiddenTransition(
      `${action} needs one of the roles ${by.roles.join(', ')}`,
      'wrong_role',
      {
        required: by.roles,
      },
    );
  }
  const isAuthor = actor.id === story.authorId;
  if (by.author === 'never' && isAuthor) {
    return new ForbiddenTransition(`nobody may ${action} their own story`, 'own_story');
  }
  if (by.author === 'only' && !isAuthor && !actor.roles.includes('admin')) {
    return new ForbiddenTransition(
      `only the author or an admin may ${action} this story`,
      'own_story',
    );
  }
  return null;
}

/** Decides whether `actor` may make `transition` on `story`, and where it leads. */
export function decide(story: StorySubject, transition: string, actor: Actor): Decision {
  if (!Object.hasOwn(TRANSITIONS, transition)) {
    return {
      allowed: false,
      error: new ForbiddenTransition(`unknown transition "${transition}"`, 'unknown_transition'),
    };
  }
  const rule: TransitionRule = TRANSITIONS[transition as Transition];
  if (!rule.from.includes(story.status)) {
    return {
      allowed: false,
      error: new ForbiddenTransition(
        `cannot ${transition} a story that is ${story.status}`,
        'wrong_state',
        {
          status: story.status,
          allowedFrom: rule.from,
        },
      ),
    };
  }
  const refusal = performerRefusal(rule.by, actor, story, transition);
  return refusal ? { allowed: false, error: refusal } : { allowed: true, to: rule.to };
}

/** Like {@link decide}, but throws the refusal. Returns the target state. */
export function assertTransition(
  story: StorySubject,
  transition: Transition,
  actor: Actor,
): ArticleStatus {
  const decision = decide(story, transition, actor);
  if (!decision.allowed) throw decision.error;
  return decision.to;
}

/** Whether `actor` may change the content of `story` in its current state; throws why not. */
export function assertEditable(story: StorySubject, actor: Actor): void {
  if (!EDITABLE.includes(story.status)) {
    throw new ForbiddenTransition(
      `a story that is ${story.status} cannot be edited`,
      'wrong_state',
      {
        status: story.status,
        editableIn: EDITABLE,
      },
    );
  }
  const refusal = performerRefusal(EDITORS, actor, story, 'edit');
  if (refusal) throw refusal;
}
