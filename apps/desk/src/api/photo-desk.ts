/**
 * The photo desk's calls: the image list, one image, its edits, and uploads.
 * Uploads go through XMLHttpRequest because `fetch` reports no upload progress;
 * they go straight to S3 where the browser can, else through the API.
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

type DirectUploadTicket = Schemas['DirectUploadTicket'];
type DirectUploadType = Schemas['DirectUploadBody']['contentType'];

/** The formats the API takes, as browsers name them. */
const IMAGE_TYPES: readonly string[] = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/avif',
  'image/heic',
  'image/tiff',
  'image/gif',
] satisfies DirectUploadType[];

/**
 * Uploads a picture, reporting the share sent (0…1). A refusal (413 too large,
 * 415 not a picture, 400) rejects with {@link ApiError} carrying the API's
 * reason; a broken connection with status 0. Caption and credit are left out,
 * so the API fills them from IPTC/XMP. A picture goes straight to S3
 * ({@link uploadDirectly}) where the browser can hash it (a secure context)
 * and names a format the API takes; else through the API.
 */
export function uploadImage(file: File, onProgress: (sent: number) => void): Upload {
  return typeof crypto.subtle === 'object' && IMAGE_TYPES.includes(file.type)
    ? uploadDirectly(file, onProgress)
    : uploadThroughApi(file, onProgress);
}

/** `POST /api/images` with the file as multipart/form-data (`file`). */
function uploadThroughApi(file: File, onProgress: (sent: number) => void): Upload {
  const form = new FormData();
  form.append('file', file, file.name);
  const request = sendWithProgress('POST', new URL('/api/images', window.location.origin), {
    body: form,
    onProgress,
    sameOrigin: true,
  });
  const done = request.done.then(({ status, body }) => {
    if (status >= 200 && status < 300) return body as UploadedImage;
    throw new ApiError(status, isErrorBody(body) ? body : null);
  });
  return { done, abort: request.abort };
}

/**
 * A direct upload: the file's SHA-256 from the browser, announced to the API
 * (`POST /api/images/uploads`; bytes stored before answer with their image),
 * PUT to the presigned S3 URL with the headers given, then completed
 * (`POST /api/images/uploads/complete`). The API never carries the bytes.
 */
function uploadDirectly(file: File, onProgress: (sent: number) => void): Upload {
  let stopped = false;
  let put: { abort: () => void } | null = null;
  const done = (async () => {
    const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
    const sha256 = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (stopped) throw new ApiError(0, null);
    const started = await answer<DirectUploadTicket | UploadedImage>(
      client.POST('/api/images/uploads', {
        body: { sha256, bytes: file.size, contentType: file.type as DirectUploadType },
      }),
    );
    if (!('token' in started)) return started; // these bytes are stored already
    const request = sendWithProgress(started.method, started.url, {
      body: file,
      headers: started.headers,
      onProgress,
      sameOrigin: false,
    });
    put = request;
    if (stopped) request.abort();
    const { status } = await request.done;
    // S3 answers in XML: its status is what the desk can show.
    if (status !== 200) throw new ApiError(status, null);
    return answer<UploadedImage>(
      client.POST('/api/images/uploads/complete', { body: { token: started.token } }),
    );
  })();
  const finished = done.then((image) => {
    onProgress(1);
    return image;
  });
  return {
    done: finished,
    abort: () => {
      stopped = true;
      put?.abort();
    },
  };
}

/**
 * Sends a body with XMLHttpRequest, which (unlike `fetch`) reports upload
 * progress; resolves with the status and the JSON answer (null when none),
 * status 0 when the connection broke or was aborted.
 */
function sendWithProgress(
  method: string,
  url: URL | string,
  options: {
    body: FormData | Blob;
    headers?: Record<string, string>;
    onProgress: (sent: number) => void;
    /** Sends the session cookie and asks for JSON (the API); S3's URL carries its own signature. */
    sameOrigin: boolean;
  },
): { done: Promise<{ status: number; body: unknown }>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const done = new Promise<{ status: number; body: unknown }>((resolve) => {
    xhr.open(method, url);
    if (options.sameOrigin) {
      xhr.withCredentials = true;
      xhr.setRequestHeader('accept', 'application/json');
      xhr.responseType = 'json';
    }
    for (const [name, value] of Object.entries(options.headers ?? {})) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) options.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      const body: unknown = xhr.responseType === 'json' ? xhr.response : null;
      if (xhr.status >= 200 && xhr.status < 300) options.onProgress(1);
      resolve({ status: xhr.status, body });
    };
    xhr.onerror = () => resolve({ status: 0, body: null });
    xhr.onabort = () => resolve({ status: 0, body: null });
    xhr.send(options.body);
  });
  return { done, abort: () => xhr.abort() };
}

function isErrorBody(value: unknown): value is ErrorBody {
  return typeof value === 'object' && value !== null && 'statusCode' in value && 'message' in value;
}
