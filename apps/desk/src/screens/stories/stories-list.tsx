import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearchParams } from 'react-router';
import type { StoryFilter } from '../../api/api';
import { queryKeys, useMe, usePeople, useSections, useStories } from '../../api/queries';
import { publishMany, refusalsOf } from '../../api/review';
import { STORY_STATUSES, mayReview, type StoryListItem, type StoryStatus } from '../../api/types';
import { Failure, Loading } from '../../layout/status';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useClock } from '../../time/use-clock';
import { useNow } from '../../time/use-now';
import { Snippet } from './snippet';
import { StatusBadge } from './status-badge';
import styles from './stories.module.css';
import { PAGE_SIZE, viewsFor } from './views';
import { formText } from '../../forms/form-text';

/** States in which the time of the (last) publication is the one that matters. */
const WAS_PUBLISHED: StoryStatus[] = ['published', 'unpublished', 'killed'];

const isStatus = (value: string | null): value is StoryStatus =>
  (STORY_STATUSES as readonly (string | null)[]).includes(value);

/** States in which a story can be published now: approved, or scheduled (then it is rescheduled). */
const PUBLISHABLE: StoryStatus[] = ['approved', 'scheduled'];

/** Why the API refuses a story of a bulk publish, in the desk's words; any other reason shows the API's message. */
const REFUSAL_REASONS = ['not_found', 'embargo', 'wrong_state', 'wrong_role', 'own_story'] as const;
type RefusalReason = (typeof REFUSAL_REASONS)[number];
const isRefusalReason = (value: string): value is RefusalReason =>
  (REFUSAL_REASONS as readonly string[]).includes(value);

/**
 * The stories ticked for a bulk action, and where: the selection belongs to one
 * page of one view with its filters (`scope`), and is empty anywhere else.
 */
interface Selection {
  scope: string;
  ids: ReadonlySet<string>;
}

const NOTHING_SELECTED: Selection = { scope: '', ids: new Set() };

/**
 * Every story the newsroom has, by saved view (tabs), section, status and a
 * search text, a page at a time. Everything the list shows is in the address,
 * so a view can be bookmarked, shared and reloaded.
 */
export function StoriesList() {
  const { t } = useTranslation();
  useDocumentTitle(t('stories.title'));
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const { data: me } = useMe();
  const sections = useSections();
  const views = viewsFor(me?.user.roles ?? []);
  const view = views.find((v) => v.slug === params.get('view')) ?? views[0];
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const q = params.get('q')?.trim() ?? '';
  const section = params.get('section') ?? '';
  const statusParam = params.get('status');
  // A view with a person of its own (`me`) takes no other.
  const author = view.filter.author ?? params.get('author') ?? '';
  const assignee = view.filter.assignee ?? params.get('assignee') ?? '';
  const people = usePeople();
  const reviewers = people.data?.filter((p) => mayReview(p.roles));
  const now = useNow();
  // A view with a status of its own takes no other.
  const status: StoryStatus | '' = view.filter.status ?? (isStatus(statusParam) ? statusParam : '');

  const filter: StoryFilter = {
    ...view.filter,
    ...(status ? { status } : {}),
    ...(section ? { section } : {}),
    ...(author ? { author } : {}),
    ...(assignee ? { assignee } : {}),
    ...(q ? { q } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const stories = useStories(filter);
  const pages = Math.max(1, Math.ceil((stories.data?.total ?? 0) / PAGE_SIZE));

  // Reviewers (and admins) tick the stories they want to publish together.
  const mayPublish = mayReview(me?.user.roles ?? []);
  const scope = JSON.stringify([view.slug, filter]);
  const [selection, setSelection] = useState<Selection>(NOTHING_SELECTED);
  const publishable = mayPublish
    ? (stories.data?.items ?? []).filter((s) => PUBLISHABLE.includes(s.status))
    : [];
  // A story that left the publishable states (the live stream says so) drops out of the selection.
  const chosen =
    selection.scope === scope ? publishable.filter((s) => selection.ids.has(s.id)) : [];
  const select = (changed: StoryListItem[], on: boolean) => {
    const ids = new Set(chosen.map((s) => s.id));
    for (const story of changed) {
      if (on) ids.add(story.id);
      else ids.delete(story.id);
    }
    setSelection({ scope, ids });
  };

  /** The address of this list with some parameters changed; an empty value removes one. */
  const withParams = (changes: Record<string, string>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    return `?${next.toString()}`;
  };

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => formText(form, name).trim();
    setParams(
      withParams({
        q: value('q'),
        section: value('section'),
        status: value('status'),
        author: value('author'),
        assignee: value('assignee'),
        page: '',
      }),
    );
  };

  return (
    <section className="page">
      <div className={styles.titleRow}>
        <h1>{t('stories.title')}</h1>
        {stories.data && (
          <p className={styles.count}>{t('stories.count', { count: stories.data.total })}</p>
        )}
      </div>

      <nav className={styles.views} aria-label={t('stories.views.label')}>
        <ul>
          {views.map((v) => (
            <li key={v.slug}>
              <Link
                // A view keeps the section and the search text; its own status replaces any other.
                to={{
                  search: withParams({
                    view: v === views[0] ? '' : v.slug,
                    status: '',
                    author: '',
                    assignee: '',
                    page: '',
                  }),
                }}
                aria-current={v === view ? 'page' : undefined}
              >
                {t(`stories.views.${v.label}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <form
        className={styles.filters}
        onSubmit={onFilter}
        role="search"
        aria-label={t('stories.filters.label')}
        // New defaults when the address changes (a tab, the back button), and once the
        // sections are there to select the one in the address.
        key={`${params.toString()}|${sections.isSuccess}|${people.isSuccess}`}
      >
        <label className="field">
          <span>{t('stories.filters.q')}</span>
          <input name="q" type="search" defaultValue={q} maxLength={200} />
        </label>
        <label className="field">
          <span>{t('stories.filters.section')}</span>
          <select name="section" defaultValue={section}>
            <option value="">{t('stories.filters.anySection')}</option>
            {sections.data?.map((s) => (
              <option key={s.slug} value={s.slug}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
        {!view.filter.status && (
          <label className="field">
            <span>{t('stories.filters.status')}</span>
            <select name="status" defaultValue={status}>
              <option value="">{t('stories.filters.anyStatus')}</option>
              {STORY_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`status.${s}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {!view.filter.author && (
          <label className="field">
            <span>{t('stories.filters.author')}</span>
            <select name="author" defaultValue={author}>
              <option value="">{t('stories.filters.anyone')}</option>
              {people.data?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {!view.filter.assignee && (
          <label className="field">
            <span>{t('stories.filters.assignee')}</span>
            <select name="assignee" defaultValue={assignee}>
              <option value="">{t('stories.filters.anyone')}</option>
              {reviewers?.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className={styles.filterActions}>
          <button type="submit" className="button primary">
            {t('stories.filters.apply')}
          </button>
          <Link
            className="button quiet"
            to={{ search: view === views[0] ? '' : `?view=${view.slug}` }}
          >
            {t('stories.filters.reset')}
          </Link>
        </div>
      </form>

      {mayPublish && (
        <BulkPublish
          chosen={chosen}
          scope={scope}
          // A request that ends after the user moved on leaves the new page's selection alone.
          onClear={(of) =>
            setSelection((current) => (current.scope === of ? NOTHING_SELECTED : current))
          }
        />
      )}

      {stories.isPending ? (
        <Loading />
      ) : stories.isError ? (
        <Failure error={stories.error} retry={() => void stories.refetch()} />
      ) : stories.data.items.length === 0 ? (
        <p className={styles.empty}>{t('stories.empty')}</p>
      ) : (
        <>
          <div className={styles.tableWrap} aria-busy={stories.isPlaceholderData}>
            <table className={styles.table}>
              <caption className="visually-hidden">
                {t('stories.caption', {
                  view: t(`stories.views.${view.label}`),
                  count: t('stories.count', { count: stories.data.total }),
                })}
              </caption>
              <thead>
                <tr>
                  {mayPublish && (
                    <th scope="col" className={styles.pick}>
                      {publishable.length > 0 ? (
                        <input
                          type="checkbox"
                          aria-label={t('stories.bulk.selectAll')}
                          checked={chosen.length === publishable.length}
                          ref={(box) => {
                            if (box)
                              box.indeterminate =
                                chosen.length > 0 && chosen.length < publishable.length;
                          }}
                          onChange={(event) => select(publishable, event.target.checked)}
                        />
                      ) : (
                        <span className="visually-hidden">{t('stories.bulk.column')}</span>
                      )}
                    </th>
                  )}
                  <th scope="col">{t('stories.columns.story')}</th>
                  <th scope="col">{t('stories.columns.section')}</th>
                  <th scope="col">{t('stories.columns.status')}</th>
                  <th scope="col">{t('stories.columns.author')}</th>
                  <th scope="col">{t('stories.columns.assignee')}</th>
                  <th scope="col">{t('stories.columns.time')}</th>
                </tr>
              </thead>
              <tbody>
                {stories.data.items.map((story) => (
                  <StoryRow
                    key={story.id}
                    story={story}
                    from={location.search}
                    now={now}
                    pick={
                      !mayPublish
                        ? 'none'
                        : publishable.includes(story)
                          ? {
                              selected: chosen.includes(story),
                              onChange: (on) => select([story], on),
                            }
                          : 'empty'
                    }
                  />
                ))}
              </tbody>
            </table>
          </div>
          {pages > 1 && (
            <nav className={styles.pager} aria-label={t('stories.paging')}>
              {page > 1 ? (
                <Link
                  className="button"
                  to={{ search: withParams({ page: String(page - 1) }) }}
                  rel="prev"
                >
                  {t('stories.previous')}
                </Link>
              ) : (
                <span className="button" aria-disabled="true">
                  {t('stories.previous')}
                </span>
              )}
              <span>{t('stories.page', { page, pages })}</span>
              {page < pages ? (
                <Link
                  className="button"
                  to={{ search: withParams({ page: String(page + 1) }) }}
                  rel="next"
                >
                  {t('stories.next')}
                </Link>
              ) : (
                <span className="button" aria-disabled="true">
                  {t('stories.next')}
                </span>
              )}
            </nav>
          )}
        </>
      )}
    </section>
  );
}

/**
 * A row's cell for the bulk selection: `none` when the user cannot publish (no
 * such column), `empty` for a story that cannot be published now.
 */
type PickCell = 'none' | 'empty' | { selected: boolean; onChange: (on: boolean) => void };

function StoryRow({
  story,
  from,
  now,
  pick,
}: {
  story: StoryListItem;
  from: string;
  now: number;
  pick: PickCell;
}) {
  const { t } = useTranslation();
  const clock = useClock();
  // What the newsroom asks of a story in this state: when it goes out, when it went out, or when it last changed.
  const [label, iso, written] =
    story.status === 'scheduled' && story.publishAt
      ? [t('stories.publishAt'), story.publishAt.utc, clock.schedule(story.publishAt.utc)]
      : story.publishedAt && WAS_PUBLISHED.includes(story.status)
        ? [t('stories.publishedAt'), story.publishedAt.utc, clock.dateTime(story.publishedAt.utc)]
        : [t('stories.updatedAt'), story.updatedAt, clock.dateTime(story.updatedAt)];
  return (
    <tr>
      {pick === 'empty' && <td className={styles.pick} />}
      {typeof pick === 'object' && (
        <td className={styles.pick}>
          <input
            type="checkbox"
            aria-label={t('stories.bulk.select', { headline: story.headline })}
            checked={pick.selected}
            onChange={(event) => pick.onChange(event.target.checked)}
          />
        </td>
      )}
      <td className={styles.storyCell}>
        {story.kicker && <span className={styles.kicker}>{story.kicker}</span>}
        <Link
          className={styles.headline}
          // The review queue opens each story on its review panel.
          to={`/stories/${story.id}${new URLSearchParams(from).get('view') === 'my-review' ? '/review' : ''}`}
          state={{ from }}
        >
          {story.headline}
        </Link>
        {story.snippet && <Snippet html={story.snippet} />}
      </td>
      <td className={styles.name}>{story.section.name}</td>
      <td>
        <StatusBadge status={story.status} />
        {story.updateStatus && (
          <span className={styles.update}>
            {t('stories.update', { status: t(`status.${story.updateStatus}`) })}
          </span>
        )}
      </td>
      <td className={styles.name}>{story.author.name}</td>
      <td className={styles.name}>{story.assignee?.name ?? t('stories.unassigned')}</td>
      <td className={styles.time}>
        {label} <time dateTime={iso}>{written}</time>
        {story.status === 'scheduled' && story.publishAt && (
          <span className={styles.timeLeft} data-relative>
            {clock.timeLeft(story.publishAt.utc, now)}
          </span>
        )}
      </td>
    </tr>
  );
}

/** What a bulk publish asked for: the stories by id and headline (to name refused ones), and where. */
interface BulkRequest {
  scope: string;
  stories: Pick<StoryListItem, 'id' | 'headline'>[];
}

function usePublishMany() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stories }: BulkRequest) => publishMany(stories.map((s) => s.id)),
    // Published or refused: a refusal means the list was out of date as well.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.stories }),
  });
}

/**
 * The bar above the list while stories are ticked: how many, publish them now
 * (one request, all or none), clear. Then what came of it, for this page of
 * this view: how many go out (in a live region, there from the start so that
 * it is announced), or each refused story and why, the selection kept.
 */
function BulkPublish({
  chosen,
  scope,
  onClear,
}: {
  chosen: StoryListItem[];
  scope: string;
  /** Empties the selection of `scope`. */
  onClear: (scope: string) => void;
}) {
  const { t } = useTranslation();
  const bulk = usePublishMany();
  const outcome = bulk.variables?.scope === scope ? bulk : null;
  const refusals = outcome?.isError ? refusalsOf(outcome.error) : null;
  const headlineOf = (id: string) =>
    bulk.variables?.stories.find((s) => s.id === id)?.headline ?? id;
  const publish = () =>
    bulk.mutate(
      { scope, stories: chosen.map(({ id, headline }) => ({ id, headline })) },
      { onSuccess: () => onClear(scope) },
    );
  const clear = () => {
    if (!bulk.isPending) bulk.reset();
    onClear(scope);
  };
  return (
    <>
      {chosen.length > 0 && (
        <div className={styles.bulkBar} role="group" aria-label={t('stories.bulk.label')}>
          <p>{t('stories.bulk.selected', { count: chosen.length })}</p>
          <button
            type="button"
            className="button primary"
            disabled={bulk.isPending}
            onClick={publish}
          >
            {t('stories.bulk.publishNow')}
          </button>
          <button type="button" className="button quiet" onClick={clear}>
            {t('stories.bulk.clear')}
          </button>
        </div>
      )}
      <p className={styles.bulkDone} role="status">
        {outcome?.isSuccess && t('stories.bulk.done', { count: outcome.data.stories.length })}
      </p>
      {refusals ? (
        <div className={styles.refused} role="alert">
          <p>{t('stories.bulk.refused', { count: refusals.length })}</p>
          <ul>
            {refusals.map((refusal) => (
              <li key={refusal.id}>
                {t('stories.bulk.refusal', {
                  headline: headlineOf(refusal.id),
                  reason: isRefusalReason(refusal.reason)
                    ? t(`stories.bulk.reasons.${refusal.reason}`)
                    : refusal.message,
                })}
              </li>
            ))}
          </ul>
          <p>{t('stories.bulk.refusedHint')}</p>
        </div>
      ) : (
        outcome?.isError && <Failure error={outcome.error} />
      )}
    </>
  );
}
