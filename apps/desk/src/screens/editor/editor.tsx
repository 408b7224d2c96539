import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, fetchStory } from '../../api/api';
import {
  acquireLock,
  createStory,
  releaseLock,
  releaseLockAsPageGoes,
  saveStory,
  submitStory,
  takeOverLock,
  useEditLock,
} from '../../api/editor';
import { queryKeys, useMe, useNewsroom, useSections } from '../../api/queries';
import {
  mayReview,
  BODY_BLOCK_TYPES,
  STORY_FORMATS,
  type ContentProfile,
  type PublishCheckFailure,
  type Section,
  type Story,
} from '../../api/types';
import { Failure, Loading } from '../../layout/status';
import { useDocumentTitle } from '../../layout/use-document-title';
import { useClock } from '../../time/use-clock';
import { EDITABLE_STATES } from '../stories/editable';
import { StatusBadge } from '../stories/status-badge';
import { BodyBlocks } from './body-blocks';
import {
  bodyOf,
  draftOf,
  emptyDraft,
  forget,
  loadStored,
  store,
  zonedToUtc,
  type Draft,
} from './draft';
import styles from './editor.module.css';
import { ImagePicker } from './image-picker';

/** The new-story form (`/stories/new`) and the editor of a story (`/stories/:id/edit`). */
export function EditorScreen() {
  const { t } = useTranslation();
  const { id } = useParams();
  const story = useQuery({
    queryKey: queryKeys.story(id ?? ''),
    queryFn: () => fetchStory(id!),
    enabled: Boolean(id),
  });
  const sections = useSections();
  useDocumentTitle(id ? (story.data?.headline ?? t('editor.editTitle')) : t('editor.newTitle'));

  if ((id && story.isPending) || sections.isPending) return <Loading />;
  if (id && story.isError)
    return <Failure error={story.error} retry={() => void story.refetch()} />;
  if (sections.isError)
    return <Failure error={sections.error} retry={() => void sections.refetch()} />;
  return <Editor key={id ?? 'new'} id={id} story={story.data} sections={sections.data} />;
}

type Conflict =
  | { kind: 'stale' }
  | { kind: 'locked'; holder: string; takenOver: boolean }
  | { kind: 'failed'; error: Error };

function holderOf(error: ApiError): string {
  const holder = error.body?.details.holder;
  return typeof holder === 'object' && holder !== null && 'name' in holder
    ? String(holder.name)
    : '';
}

function Editor({
  id,
  story,
  sections,
}: {
  id: string | undefined;
  story: Story | undefined;
  sections: Section[];
}) {
  const { t } = useTranslation();
  const clock = useClock();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [params] = useSearchParams();
  const { data: me } = useMe();
  const { data: newsroom } = useNewsroom();
  const timeZone = newsroom?.timeZone ?? 'UTC';
  const active = sections.filter((s) => !s.archived);

  // What was typed survives a reload and a conflict: sessionStorage first, then the story.
  const [initial] = useState(() => loadStored(id));
  const [draft, setDraft] = useState<Draft>(
    () =>
      initial?.draft ??
      (story
        ? draftOf(story)
        : emptyDraft(
            active.find((s) => s.slug === params.get('section'))?.slug ?? active[0]?.slug ?? '',
          )),
  );
  /** The version the text was written against: sent as `If-Match`, never the newest one silently. */
  const [baseVersion, setBaseVersion] = useState<number | null>(
    initial?.version ?? story?.version ?? null,
  );
  const [dirty, setDirty] = useState(initial !== null);
  const [busy, setBusy] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [copy, setCopy] = useState<Draft | null>(null);
  const [problems, setProblems] = useState<Map<string, string>>(new Map());
  const [announcement, setAnnouncement] = useState('');
  // A new story submitted from the form arrives here again (its own route) waiting for its checks.
  const location = useLocation();
  const cameSubmitted = (location.state as { submitted?: boolean } | null)?.submitted === true;
  const awaitingChecks = useRef(cameSubmitted);
  const [submittedHere, setSubmittedHere] = useState(cameSubmitted);
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  });

  useEffect(() => {
    if (dirty) store(id, { draft, version: baseVersion });
    else forget(id);
  }, [id, draft, baseVersion, dirty]);

  const edit = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };

  // --- the edit lock: taken on open, renewed as a heartbeat, given back on leaving the
  // route and when the page goes away (the tab closes, the browser goes elsewhere), where
  // no effect cleans up.
  const lock = useEditLock(id);
  useEffect(() => {
    if (!id) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const beat = async () => {
      let wait = 30_000;
      try {
        const held = await acquireLock(id);
        queryClient.setQueryData(queryKeys.storyLock(id), held);
        wait = Math.max(5_000, (Date.parse(held.expiresAt) - Date.now()) / 3);
      } catch {
        // Someone else holds it (423), or the story cannot be edited now: the lock query shows who.
        void queryClient.invalidateQueries({ queryKey: queryKeys.storyLock(id) });
      }
      if (!stopped) timer = setTimeout(() => void beat(), wait);
    };
    const onPageHide = () => releaseLockAsPageGoes(id);
    // A page back from the back-forward cache gave its lock back on the way out: take it again.
    const onPageShow = (event: PageTransitionEvent) => {
      if (!event.persisted) return;
      clearTimeout(timer);
      void beat();
    };
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    void beat();
    return () => {
      stopped = true;
      clearTimeout(timer);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      void releaseLock(id).catch(() => undefined);
    };
  }, [id, queryClient]);
  const heldByOther = lock.data && !lock.data.mine ? lock.data : null;
  const mayTakeOver = mayReview(me?.user.roles ?? []);

  // --- the publish checks' result arrives live (story.checked refetches the story).
  const status = story?.status;
  const failed = status && EDITABLE_STATES.includes(status) ? (story?.failedChecks ?? null) : null;
  const checked = submittedHere && status !== undefined && status !== 'submitted';
  const checksAnnouncement = !checked
    ? ''
    : failed?.length
      ? t('editor.checksFailed', { count: failed.length })
      : t('editor.checksPassed', { status: t(`status.${status}`) });
  useEffect(() => {
    if (!awaitingChecks.current || !checked) return;
    awaitingChecks.current = false;
    const first = failed?.[0];
    if (first) fieldElement(first.field)?.focus();
  }, [checked, failed]);

  const section =
    active.find((s) => s.slug === draft.section) ?? sections.find((s) => s.slug === draft.section);
  const profile = section?.profile;
  const editable = !story || EDITABLE_STATES.includes(story.status);

  const checkMessage = (failure: PublishCheckFailure): string => {
    if (failure.check === 'length' && failure.limit?.max !== undefined)
      return t('editor.checks.tooLong', { max: failure.limit.max });
    if (failure.check === 'length' && failure.limit?.min !== undefined)
      return t('editor.checks.tooShort', { min: failure.limit.min });
    if (failure.check === 'required') return t('editor.checks.required');
    if (failure.check === 'block') return t('editor.checks.block');
    return t('editor.checks.other', { message: failure.message });
  };
  const problemFor = (field: string): string | undefined => {
    const given = problems.get(field);
    if (given) return given;
    const failure = failed?.find((f) => f.field === field);
    return failure && checkMessage(failure);
  };
  const blockProblems = new Map<number, string>();
  for (const failure of failed ?? []) {
    const match = /^body\[(\d+)\]$/.exec(failure.field);
    if (match) blockProblems.set(Number(match[1]), checkMessage(failure));
    else if (failure.field === 'body') blockProblems.set(-1, checkMessage(failure));
  }
  for (const [field, reason] of problems) {
    const match = /^body\.(\d+)/.exec(field);
    if (match) blockProblems.set(Number(match[1]), reason);
  }

  // --- saving and submitting
  const failWith = (error: unknown) => {
    if (error instanceof ApiError && error.status === 409 && id) setConflict({ kind: 'stale' });
    else if (error instanceof ApiError && error.status === 423)
      setConflict({
        kind: 'locked',
        holder: holderOf(error),
        takenOver: error.body?.details.reason === 'taken_over',
      });
    else if (error instanceof ApiError && error.status === 400 && error.body?.details.problems) {
      setProblems(new Map(error.body.details.problems.map((p) => [p.field, p.reason])));
      const first = error.body.details.problems[0];
      if (first) fieldElement(first.field)?.focus();
    } else
      setConflict({
        kind: 'failed',
        error: error instanceof Error ? error : new Error(String(error)),
      });
  };

  /** Saves the draft; answers the story as saved, or null when it was refused (and says why). */
  /** Saves the draft; a new story then moves to its own address, unless `stay` (a submission follows). */
  const save = async (version = baseVersion, stay = false): Promise<Story | null> => {
    const sent = latest.current;
    setBusy(true);
    setConflict(null);
    setProblems(new Map());
    setSubmittedHere(false);
    try {
      const body = bodyOf(sent, timeZone);
      const saved = id ? await saveStory(id, version ?? 0, body) : await createStory(body);
      queryClient.setQueryData(queryKeys.story(saved.id), saved);
      void queryClient.invalidateQueries({ queryKey: queryKeys.storyLists });
      setBaseVersion(saved.version);
      setDirty(latest.current !== sent);
      setAnnouncement(t('editor.saved'));
      if (!id && !stay) {
        forget(undefined);
        void navigate(`/stories/${saved.id}/edit`, { replace: true });
      }
      return saved;
    } catch (error) {
      failWith(error);
      return null;
    } finally {
      setBusy(false);
    }
  };

  const submit = async () => {
    const saved = dirty || !id ? await save(baseVersion, true) : story;
    if (!saved) return;
    setBusy(true);
    try {
      const submitted = await submitStory(saved.id);
      awaitingChecks.current = true;
      setSubmittedHere(true);
      queryClient.setQueryData(queryKeys.story(saved.id), submitted);
      setAnnouncement(t('editor.submitted'));
      if (!id) {
        forget(undefined);
        void navigate(`/stories/${saved.id}/edit`, { replace: true, state: { submitted: true } });
      }
    } catch (error) {
      failWith(error);
    } finally {
      setBusy(false);
    }
  };

  const fresh = () =>
    queryClient.fetchQuery({
      queryKey: queryKeys.story(id!),
      queryFn: () => fetchStory(id!),
      staleTime: 0,
    });
  const loadTheirs = async () => {
    const theirs = await fresh();
    setCopy(latest.current);
    setDraft(draftOf(theirs));
    setBaseVersion(theirs.version);
    setDirty(false);
    setConflict(null);
  };
  const overwrite = async () => {
    const theirs = await fresh();
    setBaseVersion(theirs.version);
    await save(theirs.version);
  };
  const takeOver = async () => {
    try {
      const held = await takeOverLock(id!);
      queryClient.setQueryData(queryKeys.storyLock(id!), held);
      await save();
    } catch (error) {
      failWith(error);
    }
  };
  const retryLock = async () => {
    try {
      const held = await acquireLock(id!);
      queryClient.setQueryData(queryKeys.storyLock(id!), held);
      await save();
    } catch (error) {
      failWith(error);
    }
  };

  const embargoUtc = draft.embargo ? zonedToUtc(draft.embargo, timeZone) : null;

  return (
    <section className={`page ${styles.editor}`}>
      <p className={styles.back}>
        <Link to={id ? `/stories/${id}` : '/stories'}>
          ← {t(id ? 'editor.backToStory' : 'editor.back')}
        </Link>
      </p>
      <header className={styles.header}>
        <h1>{id ? t('editor.editTitle') : t('editor.newTitle')}</h1>
        {story && <StatusBadge status={story.status} />}
        <span className={styles.saveState}>
          {dirty
            ? t('editor.unsaved')
            : story
              ? t('editor.upToDate', { version: baseVersion })
              : ''}
        </span>
      </header>
      <p role="status" className={styles.announce}>
        {checksAnnouncement || announcement}
      </p>
      {initial && <p className={styles.note}>{t('editor.restored')}</p>}
      {heldByOther && (
        <div className={styles.lock} role="status">
          <p>
            {t('editor.lockedBy', {
              name: heldByOther.holder.name,
              time: clock.dateTime(heldByOther.acquiredAt),
            })}
          </p>
          {mayTakeOver && editable && (
            <button type="button" className="button" onClick={() => void takeOver()}>
              {t('editor.takeOver')}
            </button>
          )}
        </div>
      )}
      {!editable && story && (
        <p className={styles.note}>
          {t('editor.notEditable', { status: t(`status.${story.status}`) })}
        </p>
      )}
      {conflict && (
        <div className={styles.conflict} role="alert">
          {conflict.kind === 'stale' && (
            <>
              <h2>{t('editor.staleTitle')}</h2>
              <p>{t('editor.staleText')}</p>
              <div className={styles.row}>
                <button type="button" className="button" onClick={() => void loadTheirs()}>
                  {t('editor.loadTheirs')}
                </button>
                <button type="button" className="button" onClick={() => void overwrite()}>
                  {t('editor.overwrite')}
                </button>
              </div>
            </>
          )}
          {conflict.kind === 'locked' && (
            <>
              <h2>
                {conflict.takenOver
                  ? t('editor.takenOverTitle', { name: conflict.holder })
                  : t('editor.heldTitle', { name: conflict.holder })}
              </h2>
              <p>{t('editor.lockedText')}</p>
              <div className={styles.row}>
                {mayTakeOver && (
                  <button type="button" className="button" onClick={() => void takeOver()}>
                    {t('editor.takeOver')}
                  </button>
                )}
                <button type="button" className="button" onClick={() => void retryLock()}>
                  {t('editor.retry')}
                </button>
              </div>
            </>
          )}
          {conflict.kind === 'failed' && <Failure error={conflict.error} />}
        </div>
      )}
      {copy && (
        <div className={styles.copy}>
          <label className="field">
            {t('editor.yourText')}
            <textarea readOnly rows={8} value={plainText(copy)} />
          </label>
          <button type="button" className="button quiet" onClick={() => setCopy(null)}>
            {t('editor.closeCopy')}
          </button>
        </div>
      )}

      <form
        className={styles.form}
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        <fieldset className={styles.fields} disabled={!editable}>
          <legend className="visually-hidden">{t('editor.text')}</legend>
          <div className={styles.main}>
            <CountedField
              field="kicker"
              label={t('editor.kicker')}
              value={draft.kicker}
              limit={profile?.kicker}
              problem={problemFor('kicker')}
              onChange={(kicker) => edit({ kicker })}
            />
            <CountedField
              field="headline"
              label={t('editor.headline')}
              value={draft.headline}
              limit={profile?.headline}
              problem={problemFor('headline')}
              onChange={(headline) => edit({ headline })}
            />
            <CountedField
              field="teaser"
              label={t('editor.teaser')}
              value={draft.teaser}
              limit={profile?.teaser}
              problem={problemFor('teaser')}
              rows={5}
              onChange={(teaser) => edit({ teaser })}
            />
            <BodyBlocks
              blocks={draft.body}
              allowed={profile?.bodyBlocks ?? BODY_BLOCK_TYPES}
              problems={blockProblems}
              onChange={(body) => edit({ body })}
            />
          </div>
          <div className={styles.side}>
            <Field field="section" label={t('editor.section')} problem={problemFor('section')}>
              {(props) => (
                <select
                  {...props}
                  value={draft.section}
                  onChange={(e) => edit({ section: e.target.value })}
                >
                  {active.map((s) => (
                    <option key={s.id} value={s.slug}>
                      {s.name}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field field="format" label={t('editor.format')} problem={problemFor('format')}>
              {(props) => (
                <select
                  {...props}
                  value={draft.format}
                  onChange={(e) =>
                    edit({ format: STORY_FORMATS.find((f) => f === e.target.value) ?? 'news' })
                  }
                >
                  {STORY_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {t(`format.${f}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field field="series" label={t('editor.series')} problem={problemFor('series')}>
              {(props) => (
                <input
                  {...props}
                  value={draft.series}
                  onChange={(e) => edit({ series: e.target.value })}
                />
              )}
            </Field>
            <Field
              field="tags"
              label={t('editor.tags')}
              hint={t('editor.tagsHint')}
              problem={problemFor('tags')}
            >
              {(props) => (
                <input
                  {...props}
                  value={draft.tags}
                  onChange={(e) => edit({ tags: e.target.value })}
                />
              )}
            </Field>
            <Field
              field="embargoUntil"
              label={t('editor.embargo', { zone: timeZone })}
              hint={embargoUtc ? clock.schedule(embargoUtc) : t('editor.embargoNone')}
              problem={problemFor('embargoUntil')}
            >
              {(props) => (
                <input
                  {...props}
                  type="datetime-local"
                  value={draft.embargo}
                  onChange={(e) => edit({ embargo: e.target.value })}
                />
              )}
            </Field>
            <ImagePicker
              value={draft.heroImageId}
              problem={problemFor('heroImageId')}
              onChange={(heroImageId) => edit({ heroImageId })}
            />
          </div>
        </fieldset>
        <div className={styles.actions}>
          <button type="submit" className="button" disabled={busy || !editable}>
            {t('editor.save')}
          </button>
          <button
            type="button"
            className="button primary"
            disabled={busy || !editable || story?.status === 'published'}
            onClick={() => void submit()}
          >
            {t('editor.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}

/** The element of a field the API names (`teaser`, `body[2]`, `body.2.text`), to focus it. */
function fieldElement(field: string): HTMLElement | null {
  const block = /^body[[.](\d+)/.exec(field);
  if (block)
    return (
      document.querySelector(`[data-field="body[${block[1]}]"]`) ??
      document.getElementById('editor-body')
    );
  return document.getElementById(`editor-${field}`);
}

function plainText(draft: Draft): string {
  const blocks = draft.body.map((b) => ('text' in b ? b.text : 'url' in b ? b.url : b.imageId));
  return [draft.kicker, draft.headline, draft.teaser, ...blocks].filter(Boolean).join('\n\n');
}

interface ControlProps {
  id: string;
  'aria-invalid'?: true;
  'aria-describedby'?: string;
}

function Field({
  field,
  label,
  hint,
  problem,
  children,
}: {
  field: string;
  label: string;
  hint?: string;
  problem?: string;
  children: (props: ControlProps) => ReactNode;
}) {
  const id = `editor-${field}`;
  const described = [hint && `${id}-hint`, problem && `${id}-check`].filter(Boolean).join(' ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(problem ? { 'aria-invalid': true } : {}),
        ...(described ? { 'aria-describedby': described } : {}),
      })}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {problem && (
        <p id={`${id}-check`} className={styles.problem}>
          {problem}
        </p>
      )}
    </div>
  );
}

/** A text field with its live character count against the section's content profile. */
function CountedField({
  field,
  label,
  value,
  limit,
  problem,
  rows,
  onChange,
}: {
  field: 'kicker' | 'headline' | 'teaser';
  label: string;
  value: string;
  limit: ContentProfile['teaser'] | undefined;
  problem?: string;
  rows?: number;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const length = value.length;
  const over = limit ? length > limit.max : false;
  const under = limit ? length > 0 && length < limit.min : false;
  const count = limit
    ? t('editor.count', { count: length, max: limit.max })
    : t('editor.countPlain', { count: length });
  return (
    <Field
      field={field}
      label={label}
      hint={count}
      problem={
        problem ??
        (over
          ? t('editor.checks.tooLong', { max: limit?.max })
          : under
            ? t('editor.checks.tooShort', { min: limit?.min })
            : undefined)
      }
    >
      {(props) =>
        rows ? (
          <textarea
            {...props}
            rows={rows}
            value={value}
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input {...props} value={value} onChange={(e) => onChange(e.target.value)} />
        )
      }
    </Field>
  );
}
