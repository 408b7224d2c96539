import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImages } from '../photo-desk/image-queries';
import styles from './editor.module.css';

const PAGE = 8;

/** The hero image: one of the images the photo desk uploaded, found by caption, alt text or credit. */
export function ImagePicker({
  value,
  onChange,
  problem,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  problem?: string;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const [offset, setOffset] = useState(0);
  const images = useImages({ q: q.trim() || undefined, limit: PAGE, offset });
  const page = images.data;
  const current = page?.items.find((image) => image.id === value);

  return (
    <fieldset
      className={styles.picker}
      aria-invalid={problem ? true : undefined}
      aria-describedby={problem ? 'editor-heroImageId-check' : undefined}
    >
      <legend id="editor-heroImageId" tabIndex={-1}>
        {t('editor.heroImage')}
      </legend>
      {problem && (
        <p id="editor-heroImageId-check" className={styles.problem}>
          {problem}
        </p>
      )}
      <p className={styles.hint}>
        {value
          ? t('editor.heroChosen', { caption: current?.caption || current?.alt || value })
          : t('editor.heroNone')}
      </p>
      <label className="field">
        {t('editor.imageSearch')}
        <input
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.target.value);
            setOffset(0);
          }}
        />
      </label>
      <div role="radiogroup" aria-label={t('editor.heroImage')} className={styles.images}>
        <label className={styles.image}>
          <input
            type="radio"
            name="heroImage"
            checked={value === null}
            onChange={() => onChange(null)}
          />
          <span>{t('editor.noHero')}</span>
        </label>
        {page?.items.map((image) => (
          <label key={image.id} className={styles.image}>
            <input
              type="radio"
              name="heroImage"
              checked={value === image.id}
              onChange={() => onChange(image.id)}
            />
            <span>
              <strong>{image.caption || image.alt || t('editor.untitledImage')}</strong>
              <small>
                {[
                  image.credit,
                  image.width && image.height ? `${image.width}×${image.height}` : '',
                  t(`editor.imageStatus.${image.status}`),
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </small>
            </span>
          </label>
        ))}
      </div>
      {page && page.items.length === 0 && <p className={styles.hint}>{t('editor.noImages')}</p>}
      {page && page.total > PAGE && (
        <div className={styles.row}>
          <button
            type="button"
            className="button quiet"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {t('editor.previousImages')}
          </button>
          <button
            type="button"
            className="button quiet"
            disabled={offset + PAGE >= page.total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {t('editor.nextImages')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
