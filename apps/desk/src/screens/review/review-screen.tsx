import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe, usePeople } from '../../api/queries';
import * as api from '../../api/review';
import { mayReview, type Story } from '../../api/types';
import { Failure, Loading } from '../../layout/status';
import { useClock } from '../../time/use-clock';
import { CommentForm, CommentThreads } from './comments';
import { DiffView } from './diff-view';
import {
  useComments,
  useDiff,
  useHistory,
  useRevisions,
  useSectionList,
  useStoryAction,
} from './review-queries';
import { StoryFrame } from './story-frame';
import styles from './review.module.css';

/** What counts as "last approved or published": the diff starts at the revision these left. */
const MILESTONES = ['approve', 'approveUpdate', 'release', 'correct'];

/** Review: what changed since the last approval or publication, comments by block, the approval steps. */
export function ReviewScreen() {
  const { t } = useTranslation();
  return <StoryFrame title={t('review.title')}>{(story) => <Review story={story} />}</StoryFrame>;
}

function Review({ story }: { story: Story }) {
  const { t } = useTranslation();
  const revisions = useRevisions(story.id);
  const history = useHistory(story.id);
  const comments = useComments(story.id);
  const [chosenFrom, setChosenFrom] = useState<number | null>(null);

  // The newest revision saved at or before the last approval or publication.
  const milestone = history.data
    ?.filter((entry) => MILESTONES.includes(entry.action))
    .at(-1)?.createdAt;
  const base = milestone
    ? (revisions.data?.filter((r) => r.createdAt <= milestone).at(-1)?.number ?? 1)
    : 1;
  const from = chosenFrom ?? base;
  const to = story.revision;
  const diff = useDiff(story.id, from, to);

  if (revisions.isPending || history.isPending) return <Loading />;
  if (revisions.isError) return <Failure error={revisions.error} />;

  return (
    <div className={styles.columns}>
      <section className={styles.main} aria-labelledby="changes">
        <div className={styles.sectionHead}>
          <h2 id="changes">{t('review.changes')}</h2>
          <label className={styles.inline}>
            <span>{t('review.compareFrom')}</span>
            <select value={from} onChange={(event) => setChosenFrom(Number(event.target.value))}>
              {revisions.data.map((r) => (
                <option key={r.number} value={r.number}>
                  {t('review.revision', { number: r.number })}
                  {milestone && r.number === base ? ` – ${t('review.lastApproved')}` : ''}
                </option>
              ))}
            </select>
          </label>
        </div>
        <p className={styles.muted}>
          {from < to
            ? t('review.comparing', { from, to })
            : t('review.noChanges', { revision: to })}
        </p>
        {diff.isError && <Failure error={diff.error} retry={() => void diff.refetch()} />}
        {from < to && diff.isPending ? (
          <Loading />
        ) : (
          <DiffView
            story={story}
            diff={from < to ? diff.data : undefined}
            threads={comments.data ?? []}
          />
        )}
        <section aria-labelledby="general-comments" className={styles.general}>
          <h2 id="general-comments">{t('review.generalComments')}</h2>
          <CommentThreads
            story={story}
            threads={(comments.data ?? []).filter((c) => c.blockIndex === null)}
          />
          <CommentForm story={story} blockIndex={null} label={t('review.newComment')} />
        </section>
      </section>
      <aside className={styles.aside} aria-labelledby="approval">
        <ApprovalPanel story={story} />
        <AssignPanel story={story} />
      </aside>
    </div>
  );
}

/** The section's approval steps: who took the earlier ones, which is next, and whose it is. */
function ApprovalPanel({ story }: { story: Story }) {
  const { t } = useTranslation();
  const clock = useClock();
  const me = useMe().data?.user;
  const sections = useSectionList();
  const steps = sections.data?.find((s) => s.id === story.section.id)?.approvalSteps ?? [];
  const approveStep = useStoryAction(() => api.approve(story.id));
  const requestChanges = useStoryAction((comment: string) => api.requestChanges(story.id, comment));
  const [comment, setComment] = useState('');

  const inReview = story.status === 'in_review' || story.updateStatus === 'in_review';
  const next = story.nextApprovalStep;
  const nextStep = steps.find((s) => s.key === next?.key);
  const isAdmin = me?.roles.includes('admin') ?? false;
  const mayTake =
    !!me &&
    !!nextStep &&
    me.id !== story.author.id &&
    !story.approvals.some((a) => a.userId === me.id) &&
    (isAdmin || nextStep.roles.some((role) => me.roles.includes(role)));
  const whyNot =
    !me || !nextStep
      ? null
      : me.id === story.author.id
        ? t('review.notYours.author')
        : story.approvals.some((a) => a.userId === me.id)
          ? t('review.notYours.tookOne')
          : t('review.notYours.role');

  const submitChanges = (event: FormEvent) => {
    event.preventDefault();
    if (!comment.trim()) return;
    requestChanges.mutate(comment.trim(), { onSuccess: () => setComment('') });
  };

  return (
    <section className={styles.panel} aria-labelledby="approval">
      <h2 id="approval">{t('review.approval')}</h2>
      <ol className={styles.steps}>
        {steps.map((step) => {
          const done = story.approvals.find((a) => a.step === step.key);
          const current = inReview && next?.key === step.key;
          return (
            <li
              key={step.key}
              className={styles.step}
              data-state={done ? 'done' : current ? 'current' : 'open'}
            >
              <strong>{step.label}</strong>
              <span>
                {done ? (
                  <>
                    {t('review.approvedBy', { name: done.userName })}{' '}
                    <time dateTime={done.at}>{clock.dateTime(done.at)}</time>
                  </>
                ) : current ? (
                  mayTake ? (
                    t('review.yourStep')
                  ) : (
                    t('review.currentStep')
                  )
                ) : (
                  t('review.openStep')
                )}
              </span>
            </li>
          );
        })}
      </ol>
      {inReview && next && (
        <>
          {mayTake ? (
            <button
              type="button"
              className="button primary"
              disabled={approveStep.isPending}
              onClick={() => approveStep.mutate(undefined)}
            >
              {t('review.approveStep', { step: next.label })}
            </button>
          ) : (
            whyNot && <p className={styles.muted}>{whyNot}</p>
          )}
          {approveStep.isError && <Failure error={approveStep.error} />}
          {me && me.id !== story.author.id && (
            <form className={styles.form} onSubmit={submitChanges}>
              <label className="field">
                <span>{t('review.changesComment')}</span>
                <textarea
                  rows={3}
                  value={comment}
                  required
                  onChange={(event) => setComment(event.target.value)}
                />
              </label>
              <button type="submit" className="button" disabled={requestChanges.isPending}>
                {t('review.requestChanges')}
              </button>
              {requestChanges.isError && <Failure error={requestChanges.error} />}
            </form>
          )}
        </>
      )}
      {!inReview && <p className={styles.muted}>{t('review.notInReview')}</p>}
    </section>
  );
}

/**
 * Whose review queue the story is in: a reviewer takes it into their own; the
 * author, reviewers and admins give it to a colleague, or take it out of every queue.
 */
function AssignPanel({ story }: { story: Story }) {
  const { t } = useTranslation();
  const me = useMe().data?.user;
  const assign = useStoryAction((assigneeId: string | null) => api.assign(story.id, assigneeId));
  const reviewer = me && mayReview(me.roles);
  const mayAssign = me && (reviewer || me.id === story.author.id);
  // The author cannot review their own story; the current assignee is chosen already.
  const candidates = (usePeople().data ?? []).filter(
    (person) =>
      mayReview(person.roles) && person.id !== story.author.id && person.id !== story.assignee?.id,
  );
  const [chosen, setChosen] = useState('');
  const assignChosen = (event: FormEvent) => {
    event.preventDefault();
    if (chosen) assign.mutate(chosen, { onSuccess: () => setChosen('') });
  };
  return (
    <section className={styles.panel} aria-labelledby="assignment">
      <h2 id="assignment">{t('review.assignment')}</h2>
      <p>
        {story.assignee
          ? t('review.assignedTo', { name: story.assignee.name })
          : t('review.unassigned')}
      </p>
      {mayAssign && candidates.length > 0 && (
        <form className={styles.actions} onSubmit={assignChosen}>
          <label className="field">
            {t('review.assignTo')}
            <select value={chosen} onChange={(e) => setChosen(e.target.value)}>
              <option value="">{t('review.chooseReviewer')}</option>
              {candidates.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button" disabled={!chosen || assign.isPending}>
            {t('review.assign')}
          </button>
        </form>
      )}
      <div className={styles.actions}>
        {reviewer && me.id !== story.author.id && story.assignee?.id !== me.id && (
          <button
            type="button"
            className="button"
            disabled={assign.isPending}
            onClick={() => assign.mutate(me.id)}
          >
            {t('review.assignToMe')}
          </button>
        )}
        {story.assignee && mayAssign && (
          <button
            type="button"
            className="button quiet"
            disabled={assign.isPending}
            onClick={() => assign.mutate(null)}
          >
            {t('review.unassign')}
          </button>
        )}
      </div>
      {assign.isError && <Failure error={assign.error} />}
    </section>
  );
}
