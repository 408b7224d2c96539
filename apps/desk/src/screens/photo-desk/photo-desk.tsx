import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Image, ImageFilter } from '../../api/photo-desk';
import { formText } from '../../forms/form-text';
import { Failure, Loading } from '../../layout/status';
import { useDocumentTitle } from '../../layout/use-document-title';
import { ImageDetail } from './image-detail';
import { useImages } from './image-queries';
import { ImageStatusBadge } from './image-status';
import styles from './photo-desk.module.css';
import { renditionUrl } from './renditions';
import { UploadZone } from './upload-zone';

const PAGE_SIZE = 24;
const STATUSES = ['processing', 'ready', 'failed'] as const;
type Status = (typeof STATUSES)[number];
const isStatus = (value: string | null): value is Status =>
  (STATUSES as readonly (string | null)[]).includes(value);

/**
 * The photo desk: uploads (dropped or chosen, with their progress), every
 * image newest first with its processing state, and the chosen one to edit.
 * The filter, the page and the chosen image are in the address.
 */
export default function PhotoDesk() {
  const { t } = useTranslation();
  useDocumentTitle(t('photoDesk.title'));
  const [params, setParams] = useSearchParams();
  const q = params.get('q')?.trim() ?? '';
  const statusParam = params.get('status');
  const status = isStatus(statusParam) ? statusParam : '';
  const page = Math.max(1, Number.parseInt(params.get('page') ?? '1', 10) || 1);
  const selected = params.get('image');

  const filter: ImageFilter = {
    ...(q ? { q } : {}),
    ...(status ? { status } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const images = useImages(filter);
  const pages = Math.max(1, Math.ceil((images.data?.total ?? 0) / PAGE_SIZE));

  const change = (changes: Record<string, string>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });

  const onFilter = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    change({ q: formText(form, 'q').trim(), status: formText(form, 'status'), page: '' });
  };

  return (
    <div className={`page ${styles.layout}`}>
      <div className={styles.main}>
        <h1>{t('photoDesk.title')}</h1>
        <UploadZone onOpen={(id) => change({ image: id })} />
        <form className={styles.filters} onSubmit={onFilter} role="search">
          <label className="field">
            {t('photoDesk.filter.q')}
            <input type="search" name="q" defaultValue={q} key={q} />
          </label>
          <label className="field">
            {t('photoDesk.filter.status')}
            <select name="status" defaultValue={status} key={status}>
              <option value="">{t('photoDesk.filter.any')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`photoDesk.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" className="button">
            {t('photoDesk.filter.apply')}
          </button>
        </form>
        {images.isPending ? (
          <Loading />
        ) : images.isError ? (
          <Failure error={images.error} retry={() => void images.refetch()} />
        ) : images.data.items.length === 0 ? (
          <p className={styles.empty}>{t('photoDesk.empty')}</p>
        ) : (
          <>
            <p className={styles.count}>{t('photoDesk.count', { count: images.data.total })}</p>
            <ul className={styles.grid} aria-label={t('photoDesk.list')}>
              {images.data.items.map((image) => (
                <ImageCard
                  key={image.id}
                  image={image}
                  current={image.id === selected}
                  onOpen={() => change({ image: image.id })}
                />
              ))}
            </ul>
            {pages > 1 && (
              <nav className={styles.pager} aria-label={t('photoDesk.pages')}>
                <button
                  type="button"
                  className="button"
                  disabled={page <= 1}
                  onClick={() => change({ page: String(page - 1) })}
                >
                  {t('photoDesk.previous')}
                </button>
                <span>{t('photoDesk.page', { page, pages })}</span>
                <button
                  type="button"
                  className="button"
                  disabled={page >= pages}
                  onClick={() => change({ page: String(page + 1) })}
                >
                  {t('photoDesk.next')}
                </button>
              </nav>
            )}
          </>
        )}
      </div>
      {selected && <ImageDetail id={selected} onClose={() => change({ image: '' })} />}
    </div>
  );
}

function ImageCard({
  image,
  current,
  onOpen,
}: {
  image: Image;
  current: boolean;
  onOpen: () => void;
}) {
  const { t } = useTranslation();
  const thumbnail = renditionUrl(image, 'teaser');
  const title = image.caption || image.alt || t('photoDesk.untitled');
  return (
    <li className={styles.card} aria-current={current || undefined}>
      <button type="button" className={styles.cardButton} onClick={onOpen}>
        <span className={styles.thumb}>
          {thumbnail ? <img src={thumbnail} alt="" loading="lazy" /> : null}
        </span>
        <span className={styles.cardTitle}>{title}</span>
      </button>
      <ImageStatusBadge image={image} />
      {image.credit && <span className={styles.credit}>{image.credit}</span>}
    </li>
  );
}
