/**
 * The photo desk's calls: the image list, one image, its edits, and uploads.
 * Uploads go through XMLHttpRequest because `fetch` reports no upload progress.
 */
import { ApiError, answer, client } from './api';
import type { ErrorBody, Schemas, paths } from './types';

export type Image = Schemas['Image'];
export type ImagePage = Schemas['ImagePage'];
export type ImageUpdate = Schemas['ImageUpdateBody'];
export type UploadedImage = Schemas['UploadedImage'];
export type ImageFilter = NonNullable<paths['/api/images']['get']['parameters']['query']>;

export async function fetchImages(filter: ImageFilter): Promise<ImagePage> {
  return answer<ImagePage>(client.GET('/api/images', { params: { query: filter } }));
}

export async function fetchImage(id: string): Promise<Image> {
  return answer<Image>(client.GET('/api/images/{id}', { params: { path: { id } } }));
}

export async function updateImage(id: string, body: ImageUpdate): Promise<Image> {
  return answer<Image>(client.PATCH('/api/images/{id}', { params: { path: { id } }, body }));
}

/** An upload under way: its answer, and a way to stop it. */
export interface Upload {
  done: Promise<UploadedImage>;
  abort: () => void;
}

/**
 * `POST /api/images` with the file as multipart/form-data (`file`; caption and
 * credit left out, so the API fills them from IPTC/XMP), reporting the share
 * sent (0…1). A refusal (413 too large, 415 not a picture, 400) rejects with
 * {@link ApiError} carrying the API's reason; a broken connection with status 0.
 */
export function uploadImage(file: File, onProgress: (sent: number) => void): Upload {
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedImage>((resolve, reject) => {
    xhr.open('POST', new URL('/api/images', window.location.origin));
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.responseType = 'json';
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body: unknown = xhr.response;
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as UploadedImage);
      } else reject(new ApiError(xhr.status, isErrorBody(body) ? body : null));
    };
    xhr.onerror = () => reject(new ApiError(0, null));
    xhr.onabort = () => reject(new ApiError(0, null));
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
  return { done, abort: () => xhr.abort() };
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'message' in value;
}
