import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/api';
import { uploadImage } from '../../api/photo-desk';
import { ImageStatusBadge } from './image-status';
import { useImage } from './image-queries';
import styles from './photo-desk.module.css';

/** One file of this visit's uploads: client state, until the API knows the image. */
interface UploadItem {
  key: number;
  name: string;
  sent: number;
  imageId: string | null;
  error: ApiError | null;
}

let nextKey = 1;

/**
 * Where pictures come in: dropped onto the zone (many at once) or chosen with
 * the file button (the keyboard's way). Each file uploads on its own with its
 * progress; once the API has it, its processing state comes from the image
 * itself, kept live by the stream.
 */
export function UploadZone({ onOpen }: { onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [dragging, setDragging] = useState(false);
  const [uploads, setUploads] = useState<UploadItem[]>([]);

  const change = (key: number, patch: Partial<UploadItem>) =>
    setUploads((items) => items.map((item) => (item.key === key ? { ...item, ...patch } : item)));

  const start = (files: FileList | null) => {
    if (!files?.length) return;
    const started = [...files].map((file) => {
      const key = nextKey++;
      const upload = uploadImage(file, (sent) => change(key, { sent }));
      upload.done.then(
        (image) => change(key, { imageId: image.id, sent: 1 }),
        (error: unknown) =>
          change(key, { error: error instanceof ApiError ? error : new ApiError(0, null) }),
      );
      return { key, name: file.name, sent: 0, imageId: null, error: null };
    });
    setUploads((items) => [...started.reverse(), ...items]);
  };

  const onDrop = (event: DragEvent) => {
    event.preventDefault();
    setDragging(false);
    start(event.dataTransfer.files);
  };

  return (
    <section className={styles.uploads} aria-labelledby="uploads-heading">
      <h2 id="uploads-heading" className="visually-hidden">
        {t('photoDesk.upload.heading')}
      </h2>
      <div
        className={styles.dropZone}
        data-dragging={dragging || undefined}
        role="group"
        aria-label={t('photoDesk.upload.zone')}
        onDragEnter={(event) => {
          event.preventDefault();
          setDragging(true);
        }}
        onDragOver={(event) => event.preventDefault()}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <p>{t('photoDesk.upload.drop')}</p>
        <button type="button" className="button primary" onClick={() => input.current?.click()}>
          {t('photoDesk.upload.choose')}
        </button>
        <input
          ref={input}
          className="visually-hidden"
          type="file"
          multiple
          accept="image/*"
          tabIndex={-1}
          aria-label={t('photoDesk.upload.files')}
          onChange={(event) => {
            start(event.currentTarget.files);
            event.currentTarget.value = '';
          }}
        />
        <p className={styles.hint}>{t('photoDesk.upload.formats')}</p>
      </div>
      {uploads.length > 0 && (
        <ul className={styles.uploadList} aria-label={t('photoDesk.upload.list')}>
          {uploads.map((item) => (
            <UploadRow key={item.key} item={item} onOpen={onOpen} />
          ))}
        </ul>
      )}
    </section>
  );
}

function UploadRow({ item, onOpen }: { item: UploadItem; onOpen: (id: string) => void }) {
  const { t } = useTranslation();
  const image = useImage(item.imageId);
  return (
    <li className={styles.uploadRow} aria-label={item.name}>
      <span className={styles.fileName}>{item.name}</span>
      {item.error ? (
        <span className={styles.rejected} role="alert">
          {t('photoDesk.upload.rejected', { reason: rejection(item.error, t) })}
        </span>
      ) : image.data ? (
        <>
          <ImageStatusBadge image={image.data} />
          {image.data.status === 'failed' && (
            <span className={styles.rejected}>{image.data.failureReason}</span>
          )}
          <button type="button" className="button quiet" onClick={() => onOpen(image.data.id)}>
            {t('photoDesk.upload.open')}
          </button>
        </>
      ) : (
        <>
          <progress
            className={styles.progress}
            max={100}
            value={Math.round(item.sent * 100)}
            aria-label={t('photoDesk.upload.progress', { name: item.name })}
          />
          <span className={styles.percent}>
            {t('photoDesk.upload.sent', { percent: Math.round(item.sent * 100) })}
          </span>
        </>
      )}
    </li>
  );
}

type Translate = ReturnType<typeof useTranslation>['t'];

/** Why the API refused a file, in the desk's words, with the API's own where it has one. */
function rejection(error: ApiError, t: Translate): string {
  const reason = error.body?.details.problems?.[0]?.reason ?? error.body?.message;
  switch (error.status) {
    case 0:
      return t('photoDesk.upload.offline');
    case 413:
      return t('photoDesk.upload.tooLarge');
    case 415:
      return t('photoDesk.upload.unsupported', { reason: reason ?? '' });
    default:
      return reason ?? t('photoDesk.upload.failed', { status: error.status });
  }
}
