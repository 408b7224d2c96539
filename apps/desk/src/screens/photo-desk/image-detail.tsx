import type { FormEvent, KeyboardEvent, MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Image } from '../../api/photo-desk';
import { formText } from '../../forms/form-text';
import { Failure, Loading } from '../../layout/status';
import { ImageStatusBadge } from './image-status';
import { useImage, useUpdateImage } from './image-queries';
import styles from './photo-desk.module.css';
import { objectPosition, percent, renditionUrl } from './renditions';

/** The crops a story shows, previewed from the focal point. */
const CROPS = [
  { key: 'teaser', ratio: '4x3' },
  { key: 'hero', ratio: '16x9' },
] as const;

/** A step of the arrow keys on the picture: 5 % of its width or height. */
const STEP = 0.05;
const clamp = (value: number) => Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));

/** One image: its texts to edit, its focal point to set, its crops to check. */
export function ImageDetail({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation();
  const image = useImage(id);
  if (image.isPending) return <Loading />;
  if (image.isError) return <Failure error={image.error} retry={() => void image.refetch()} />;
  return (
    <section className={styles.detail} aria-labelledby="image-heading">
      <div className={styles.detailHead}>
        <h2 id="image-heading">{t('photoDesk.detail.heading')}</h2>
        <button type="button" className="button quiet" onClick={onClose}>
          {t('photoDesk.detail.close')}
        </button>
      </div>
      <ImageStatusBadge image={image.data} />
      {image.data.status === 'failed' ? (
        <p className={styles.rejected} role="alert">
          {t('photoDesk.detail.failed', { reason: image.data.failureReason ?? '' })}
        </p>
      ) : (
        <FocalPicker image={image.data} />
      )}
      {/* Reset when processing ends: the API has then filled caption and credit from the file. */}
      <ImageTexts key={`${image.data.id}-${image.data.status}`} image={image.data} />
      <ImageFacts image={image.data} />
    </section>
  );
}

function FocalPicker({ image }: { image: Image }) {
  const { t } = useTranslation();
  const update = useUpdateImage(image.id);
  const source = renditionUrl(image, 'original', 800);
  const focal = image.focalPoint ?? { x: 0.5, y: 0.5 };

  const setFocal = (x: number, y: number) =>
    update.mutate({ focalPoint: { x: clamp(x), y: clamp(y) } });

  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    // A click from the keyboard (Enter, Space) has no position: the arrow keys move the point.
    if (event.detail === 0) return;
    const picture = event.currentTarget.getBoundingClientRect();
    setFocal(
      (event.clientX - picture.left) / picture.width,
      (event.clientY - picture.top) / picture.height,
    );
  };

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-STEP, 0],
      ArrowRight: [STEP, 0],
      ArrowUp: [0, -STEP],
      ArrowDown: [0, STEP],
    };
    const move = moves[event.key];
    if (!move) return;
    event.preventDefault();
    setFocal(focal.x + move[0], focal.y + move[1]);
  };

  if (!source) return <p className={styles.hint}>{t('photoDesk.detail.noPreview')}</p>;
  return (
    <div className={styles.focal}>
      <button
        type="button"
        className={styles.picture}
        onClick={onClick}
        onKeyDown={onKeyDown}
        aria-label={t('photoDesk.focal.set')}
        aria-describedby="focal-help focal-now"
      >
        <img src={source} alt={image.alt} draggable={false} />
        <span
          className={styles.marker}
          aria-hidden="true"
          style={{ left: `${focal.x * 100}%`, top: `${focal.y * 100}%` }}
        />
      </button>
      <p id="focal-help" className={styles.hint}>
        {t('photoDesk.focal.help')}
      </p>
      <p id="focal-now" className={styles.focalNow} aria-live="polite">
        {image.focalPoint
          ? t('photoDesk.focal.at', { x: percent(focal.x), y: percent(focal.y) })
          : t('photoDesk.focal.centre')}
      </p>
      <div className={styles.crops}>
        {CROPS.map((crop) => (
          <figure key={crop.key} className={styles.crop}>
            <img
              src={source}
              alt=""
              className={styles[`ratio${crop.ratio}`]}
              style={{ objectPosition: objectPosition(image) }}
              data-crop={crop.key}
            />
            <figcaption>{t(`photoDesk.crops.${crop.key}`)}</figcaption>
          </figure>
        ))}
      </div>
    </div>
  );
}

function ImageTexts({ image }: { image: Image }) {
  const { t } = useTranslation();
  const update = useUpdateImage(image.id);
  const altMissing = image.alt.trim() === '';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    update.mutate({
      alt: formText(form, 'alt').trim(),
      caption: formText(form, 'caption').trim(),
      credit: formText(form, 'credit').trim(),
    });
  };

  return (
    <form className={styles.texts} onSubmit={onSubmit} aria-label={t('photoDesk.detail.texts')}>
      <label className="field">
        <span>
          {t('photoDesk.fields.alt')} <small>{t('photoDesk.fields.altHint')}</small>
        </span>
        <textarea
          name="alt"
          rows={2}
          defaultValue={image.alt}
          aria-invalid={altMissing || undefined}
          aria-describedby={altMissing ? 'alt-missing' : undefined}
        />
      </label>
      {altMissing && (
        <p id="alt-missing" className={styles.missing}>
          {t('photoDesk.fields.altMissing')}
        </p>
      )}
      <label className="field">
        {t('photoDesk.fields.caption')}
        <textarea name="caption" rows={3} defaultValue={image.caption} />
      </label>
      <label className="field">
        {t('photoDesk.fields.credit')}
        <input name="credit" defaultValue={image.credit} />
      </label>
      <div className={styles.formActions}>
        <button type="submit" className="button primary" disabled={update.isPending}>
          {update.isPending ? t('photoDesk.fields.saving') : t('photoDesk.fields.save')}
        </button>
        <span role="status">{update.isSuccess && t('photoDesk.fields.saved')}</span>
      </div>
      {update.isError && <Failure error={update.error} />}
    </form>
  );
}

function ImageFacts({ image }: { image: Image }) {
  const { t } = useTranslation();
  return (
    <dl className={styles.facts}>
      {image.width !== null && image.height !== null && (
        <>
          <dt>{t('photoDesk.facts.size')}</dt>
          <dd>{t('photoDesk.facts.pixels', { width: image.width, height: image.height })}</dd>
        </>
      )}
      {image.byline && (
        <>
          <dt>{t('photoDesk.facts.byline')}</dt>
          <dd>{image.byline}</dd>
        </>
      )}
      {image.copyright && (
        <>
          <dt>{t('photoDesk.facts.copyright')}</dt>
          <dd>{image.copyright}</dd>
        </>
      )}
    </dl>
  );
}
