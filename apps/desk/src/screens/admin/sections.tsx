import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import * as api from '../../api/admin';
import type { AdminSection, ApprovalStep, ContentProfile } from '../../api/admin';
import { ROLES, type Role } from '../../api/types';
import { formText } from '../../forms/form-text';
import { Failure, Loading } from '../../layout/status';
import { SECTION_KEYS, useAdminChange, useAdminSections } from './admin-queries';
import styles from './admin.module.css';

const LIMITS = ['kicker', 'headline', 'teaser'] as const;

/** Sections: create one, edit its approval steps and its content profile's limits. */
export function Sections() {
  const { t } = useTranslation();
  const sections = useAdminSections();
  const create = useAdminChange(api.createSection, SECTION_KEYS);
  const [open, setOpen] = useState<string | null>(null);

  const onCreate = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    create.mutate(
      {
        name: formText(form, 'name').trim(),
        slug: formText(form, 'slug').trim(),
        description: formText(form, 'description').trim(),
      },
      {
        onSuccess: (section) => {
          formElement.reset();
          setOpen(section.slug);
        },
      },
    );
  };

  return (
    <section className={styles.part} aria-labelledby="sections-heading">
      <h2 id="sections-heading">{t('admin.sections.heading')}</h2>
      <form className={styles.inline} onSubmit={onCreate} aria-label={t('admin.sections.create')}>
        <label className="field">
          {t('admin.sections.name')}
          <input name="name" required autoComplete="off" />
        </label>
        <label className="field">
          {t('admin.sections.slug')}
          <input name="slug" required pattern="[a-z0-9]+(-[a-z0-9]+)*" autoComplete="off" />
        </label>
        <label className="field">
          {t('admin.sections.description')}
          <input name="description" autoComplete="off" />
        </label>
        <button type="submit" className="button primary" disabled={create.isPending}>
          {t('admin.sections.create')}
        </button>
      </form>
      {create.isError && <Failure error={create.error} />}
      {sections.isPending ? (
        <Loading />
      ) : sections.isError ? (
        <Failure error={sections.error} retry={() => void sections.refetch()} />
      ) : (
        <ul className={styles.sectionList}>
          {sections.data.map((section) => (
            <li key={section.id}>
              <div className={styles.sectionHead}>
                <span className={styles.strong}>{section.name}</span>
                <code className={styles.muted}>{section.slug}</code>
                {section.archived && (
                  <span className={styles.muted}>{t('admin.sections.archived')}</span>
                )}
                <span className={styles.muted}>
                  {section.approvalSteps.map((step) => step.label).join(' → ')}
                </span>
                <button
                  type="button"
                  className="button"
                  aria-expanded={open === section.slug}
                  aria-label={t('admin.sections.editOne', { name: section.name })}
                  onClick={() => setOpen(open === section.slug ? null : section.slug)}
                >
                  {t('admin.sections.edit')}
                </button>
              </div>
              {open === section.slug && (
                <SectionEditor key={section.id} section={section} onDone={() => setOpen(null)} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * A draft of the approval steps while they are edited: form state, not server
 * state (the section's own steps stay in the cache until the draft is saved).
 */
function SectionEditor({ section, onDone }: { section: AdminSection; onDone: () => void }) {
  const { t } = useTranslation();
  const [steps, setSteps] = useState<ApprovalStep[]>(section.approvalSteps);
  const update = useAdminChange(
    (change: api.SectionUpdate) => api.updateSection(section.slug, change),
    SECTION_KEYS,
  );

  const move = (index: number, by: number) =>
    setSteps((all) => {
      const next = [...all];
      const [step] = next.splice(index, 1);
      next.splice(index + by, 0, step);
      return next;
    });
  const edit = (index: number, change: Partial<ApprovalStep>) =>
    setSteps((all) => all.map((step, i) => (i === index ? { ...step, ...change } : step)));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const limit = (field: (typeof LIMITS)[number], end: 'min' | 'max') =>
      Number(formText(form, `${field}.${end}`));
    const profile: Partial<ContentProfile> = {};
    for (const field of LIMITS)
      profile[field] = { min: limit(field, 'min'), max: limit(field, 'max') };
    update.mutate(
      { name: formText(form, 'name').trim(), approvalSteps: steps, profile },
      { onSuccess: onDone },
    );
  };

  return (
    <form
      className={styles.editor}
      onSubmit={onSubmit}
      aria-label={t('admin.sections.editOne', { name: section.name })}
    >
      <label className="field">
        {t('admin.sections.name')}
        <input name="name" defaultValue={section.name} required />
      </label>
      <fieldset className={styles.steps}>
        <legend>{t('admin.sections.steps')}</legend>
        <ol>
          {steps.map((step, index) => (
            <li key={index} className={styles.step}>
              <label className="field">
                {t('admin.sections.stepLabel', { n: index + 1 })}
                <input
                  value={step.label}
                  required
                  onChange={(event) => edit(index, { label: event.currentTarget.value })}
                />
              </label>
              <label className="field">
                {t('admin.sections.stepKey', { n: index + 1 })}
                <input
                  value={step.key}
                  required
                  pattern="[a-z][a-z0-9_]*"
                  onChange={(event) => edit(index, { key: event.currentTarget.value })}
                />
              </label>
              <fieldset className={styles.roleChoice}>
                <legend className="visually-hidden">
                  {t('admin.sections.stepRoles', { n: index + 1 })}
                </legend>
                {ROLES.map((role) => (
                  <label key={role}>
                    <input
                      type="checkbox"
                      checked={step.roles.includes(role)}
                      onChange={(event) =>
                        edit(index, {
                          roles: event.currentTarget.checked
                            ? [...step.roles, role]
                            : step.roles.filter((r: Role) => r !== role),
                        })
                      }
                    />
                    {t(`roles.${role}`)}
                  </label>
                ))}
              </fieldset>
              <div className={styles.actions}>
                <button
                  type="button"
                  className="button"
                  disabled={index === 0}
                  aria-label={t('admin.sections.up', { n: index + 1 })}
                  onClick={() => move(index, -1)}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={index === steps.length - 1}
                  aria-label={t('admin.sections.down', { n: index + 1 })}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="button"
                  disabled={steps.length === 1}
                  onClick={() => setSteps((all) => all.filter((_, i) => i !== index))}
                >
                  {t('admin.sections.remove', { n: index + 1 })}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="button"
          disabled={steps.length >= 10}
          onClick={() =>
            setSteps((all) => [
              ...all,
              { key: `step_${all.length + 1}`, label: '', roles: ['reviewer'] },
            ])
          }
        >
          {t('admin.sections.addStep')}
        </button>
      </fieldset>
      <fieldset className={styles.limits}>
        <legend>{t('admin.sections.limits')}</legend>
        {LIMITS.map((field) => (
          <div key={field} className={styles.limit}>
            <span>{t(`admin.sections.fields.${field}`)}</span>
            {(['min', 'max'] as const).map((end) => (
              <label key={end} className="field">
                {t(`admin.sections.${end}`, { field: t(`admin.sections.fields.${field}`) })}
                <input
                  name={`${field}.${end}`}
                  type="number"
                  min={0}
                  defaultValue={section.profile[field][end]}
                  required
                />
              </label>
            ))}
          </div>
        ))}
      </fieldset>
      <div className={styles.actions}>
        <button type="submit" className="button primary" disabled={update.isPending}>
          {t('admin.sections.save')}
        </button>
        <button type="button" className="button quiet" onClick={onDone}>
          {t('admin.sections.cancel')}
        </button>
      </div>
      {update.isError && <Failure error={update.error} />}
    </form>
  );
}
