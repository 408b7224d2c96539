import { ForbiddenTransition } from '@newsdesk/common';
import type { Actor } from '@newsdesk/identity';
import type { Approval } from './article.entity';
import type { ApprovalStep } from './section.entity';

/**
 * The step a story with `approved` approvals waits for. Admins may shorten a
 * section's steps while stories are in review: one that already has as many
 * approvals as the new list has steps still needs the final step.
 */
export function pendingStep(steps: ApprovalStep[], approved: number): ApprovalStep | undefined {
  return steps[Math.min(approved, steps.length - 1)];
}

/**
 * The next approval step of a story and whether `actor` may take it: they must
 * hold one of the step's roles (admins always do) and must not have approved
 * another step of the same story. Pure; the author rule is the state machine's.
 */
export function nextApproval(
  steps: ApprovalStep[],
  approvals: Approval[],
  actor: Extract<Actor, { kind: 'user' }>,
): { step: ApprovalStep; last: boolean } {
  const step = pendingStep(steps, approvals.length);
  if (!step) throw new ForbiddenTransition('every approval step is done already', 'wrong_state');
  if (approvals.some((a) => a.userId === actor.id)) {
    throw new ForbiddenTransition(
      `nobody may approve two steps of the same story ("${step.label}" needs someone else)`,
      'own_story',
      {
        step: step.key,
      },
    );
  }
  if (!actor.roles.includes('admin') && !actor.roles.some((r) => step.roles.includes(r))) {
    throw new ForbiddenTransition(
      `the step "${step.label}" needs one of the roles ${step.roles.join(', ')}`,
      'wrong_role',
      {
        step: step.key,
        required: step.roles,
      },
    );
  }
  return { step, last: approvals.length >= steps.length - 1 };
}
