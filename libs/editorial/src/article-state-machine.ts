/**
 * The article state machine: every transition, where it may start, where it
 * ends, and who may make it. Pure: no database, no clock. Read it as one table.
 */
import { ForbiddenTransition } from '@newsdesk/common';
import type { Actor, Role } from '@newsdesk/identity';
import type { ArticleStatus, UpdateStatus } from './article-status';

/** Who may make a transition: roles of signed-in users, or only the system (jobs). */
type Performer = { roles: readonly Role[]; author: 'any' | 'only' | 'never' } | 'system';

interface TransitionRule {
  from: readonly ArticleStatus[];
  to: ArticleStatus;
  by: Performer;
  /**
   * The update review of a published story (see {@link UpdateStatus}): the
   * update states the transition starts from, and the one it leaves. Without
   * it a transition between published states leaves the update as it is; any
   * transition out of `published` ends it.
   */
  update?: { from: readonly UpdateStatus[]; to: UpdateStatus };
}

const REVIEWERS = { roles: ['reviewer', 'admin'], author: 'any' } as const;
const OTHER_REVIEWERS = { roles: ['reviewer', 'admin'], author: 'never' } as const;
const AUTHORS = { roles: ['editor', 'admin'], author: 'only' } as const;

// prettier-ignore
export const TRANSITIONS = {
  // name               from                                   to                   who
  submit:            { from: ['draft', 'changes_requested'], to: 'submitted',         by: AUTHORS },
  passChecks:        { from: ['submitted'],                  to: 'in_review',         by: 'system' },
  failChecks:        { from: ['submitted'],                  to: 'draft',             by: 'system' },
  approveStep:       { from: ['in_review'],                  to: 'in_review',         by: OTHER_REVIEWERS },
  approve:           { from: ['in_review'],                  to: 'approved',          by: OTHER_REVIEWERS },
  requestChanges:    { from: ['in_review'],                  to: 'changes_requested', by: OTHER_REVIEWERS },
  schedule:          { from: ['approved'],                   to: 'scheduled',         by: REVIEWERS },
  reschedule:        { from: ['scheduled'],                  to: 'scheduled',         by: REVIEWERS },
  cancelSchedule:    { from: ['scheduled'],                  to: 'approved',          by: REVIEWERS },
  release:           { from: ['scheduled'],                  to: 'published',         by: 'system' },
  // A minor correction publishes the working copy at once; not while an update of it is in review.
  correct:           { from: ['published'],                  to: 'published',         by: REVIEWERS,
                       update: { from: [null, 'changes_requested'],  to: null } },
  // A substantial update of a published story is reviewed while the public version stays live.
  submitUpdate:      { from: ['published'],                  to: 'published',         by: AUTHORS,
                       update: { from: [null, 'changes_requested'],  to: 'in_review' } },
  approveUpdateStep: { from: ['published'],                  to: 'published',         by: OTHER_REVIEWERS,
                       update: { from: ['in_review'],                to: 'in_review' } },
  approveUpdate:     { from: ['published'],                  to: 'published',         by: OTHER_REVIEWERS,
                       update: { from: ['in_review'],                to: null } },
  requestUpdateChanges: { from: ['published'],               to: 'published',         by: OTHER_REVIEWERS,
                       update: { from: ['in_review'],                to: 'changes_requested' } },
  // Taking a story down is asked for by a reviewer and done by the publication job, like schedule and release.
  requestUnpublish:  { from: ['published'],                  to: 'published',         by: REVIEWERS },
  unpublish:         { from: ['published'],                  to: 'unpublished',       by: 'system' },
  kill:              { from: ['published', 'unpublished'],   to: 'killed',            by: REVIEWERS },
  reopen:            { from: ['unpublished'],                to: 'draft',             by: AUTHORS },
  reopenKilled:      { from: ['killed'],                     to: 'draft',             by: { roles: ['admin'], author: 'any' } },
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

/** The story a decision is about: its state, the state of an update under way, and who wrote it. */
export interface StorySubject {
  status: ArticleStatus;
  updateStatus: UpdateStatus;
  authorId: string;
}

/** Where a transition leads: the story's state and its update's. */
export interface Position {
  status: ArticleStatus;
  updateStatus: UpdateStatus;
}

export type Decision =
  { allowed: true; to: Position } | { allowed: false; error: ForbiddenTransition };

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
  if (rule.update && !rule.update.from.includes(story.updateStatus)) {
    return {
      allowed: false,
      error: new ForbiddenTransition(
        story.updateStatus === 'in_review'
          ? `cannot ${transition} while an update of the story is in review`
          : `cannot ${transition}: no update of the story is in review`,
        'wrong_state',
        {
          status: story.status,
          updateStatus: story.updateStatus,
          allowedUpdateFrom: rule.update.from,
        },
      ),
    };
  }
  const refusal = performerRefusal(rule.by, actor, story, transition);
  if (refusal) return { allowed: false, error: refusal };
  const updateStatus =
    rule.to !== 'published' ? null : rule.update ? rule.update.to : story.updateStatus;
  return { allowed: true, to: { status: rule.to, updateStatus } };
}

/** Like {@link decide}, but throws the refusal. Returns where the story goes. */
export function assertTransition(
  story: StorySubject,
  transition: Transition,
  actor: Actor,
): Position {
  const decision = decide(story, transition, actor);
  if (!decision.allowed) throw decision.error;
  return decision.to;
}

/**
 * Whether `actor` may change the content of `story` in its current state;
 * throws why not. An update in review is frozen until the decision.
 */
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
  if (story.updateStatus === 'in_review') {
    throw new ForbiddenTransition(
      'the update is in review; wait for the decision or ask for it back',
      'wrong_state',
      { status: story.status, updateStatus: story.updateStatus },
    );
  }
}
