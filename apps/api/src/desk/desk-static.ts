import { constants, existsSync } from 'node:fs';
import { access } from 'node:fs/promises';
import path from 'node:path';
import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { errorBody } from '../error.filter';

/** Where the desk (the newsroom's web app) is served. */
export const DESK_PATH = '/desk';

/**
 * The desk may load its own scripts, styles, images and fonts and talk to its
 * own origin (the API, the live stream) and frame its own pages (the story
 * preview); nothing inline, nothing from elsewhere, never inside another
 * site's frame. The object store is the exception:
 * originals and renditions come from its public origin (`S3_PUBLIC_URL`), so
 * the photo desk can show them, and direct uploads go to its upload origin.
 */
export function deskContentSecurityPolicy(
  imageOrigins: readonly string[] = [],
  uploadOrigins: readonly string[] = [],
): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    ['img-src', "'self'", 'data:', ...imageOrigins].join(' '),
    "font-src 'self'",
    ['connect-src', "'self'", ...uploadOrigins].join(' '),
    // The preview screen shows the site's own preview page (`/site/preview/…`) in a frame.
    "frame-src 'self'",
    "manifest-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** The origin of a public URL (`https://cdn.example/newsdesk` → `https://cdn.example`); none for a relative or broken one. */
export function originOf(url: string): string[] {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? [] : [origin];
  } catch {
    return [];
  }
}

/** Vite puts every hashed file under `assets/`: a new build gives new names, so they never change. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/**
 * `dist/desk` of the checkout (or image) this code runs from: the folder that
 * holds `package.json` above this file, whether it runs built (`dist/apps/…`)
 * or from source (`apps/…`, in the tests).
 */
export function deskDirectory(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('dist', 'desk');
    dir = parent;
  }
  return path.join(dir, 'dist', 'desk');
}

/**
 * Serves the built desk (`npm run desk:build`) at `/desk/`: files by name,
 * hashed assets cached for a year, and `index.html` (never cached, so a new
 * build is picked up at once) for every other path, where the app's router
 * takes over. Files are looked up per request, so a rebuild needs no restart;
 * before the first build `/desk/` answers 503 saying how to build it.
 */
export async function mountDesk(
  app: NestFastifyApplication,
  options: {
    root?: string;
    imageOrigins?: readonly string[];
    uploadOrigins?: readonly string[];
  } = {},
): Promise<void> {
  const root = options.root ?? deskDirectory();
  const policy = deskContentSecurityPolicy(options.imageOrigins, options.uploadOrigins);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get(DESK_PATH, (_request, reply) => reply.redirect(`${DESK_PATH}/`, 301));
  await app.register(
    async (scope: FastifyInstance) => {
      await scope.register(fastifyStatic, {
        root,
        serve: false,
        cacheControl: false,
        // The build's own notes (`.vite/manifest.json`, `.source-hash`) are not the desk's to show.
        dotfiles: 'ignore',
        etag: true,
        lastModified: true,
        setHeaders: (reply, file) => {
          void reply.header(
            'cache-control',
            path.basename(file) === 'index.html'
              ? 'no-cache'
              : file.startsWith(path.join(root, 'assets') + path.sep)
                ? IMMUTABLE
                : 'public, max-age=3600',
          );
        },
      });
      // What the file server refuses (a path climbing out of the folder: 403) in the API's error shape.
      // Anything else goes on to the API's own handler.
      scope.setErrorHandler((error: FastifyError, _request, reply) => {
        const status = error.statusCode ?? 500;
        if (status < 400 || status >= 500) throw error;
        return reply
          .code(status)
          .header('content-type', 'application/json; charset=utf-8')
          .send(errorBody(status, error.message));
      });
      scope.get('/*', async (request, reply) => {
        const wanted = (request.params as { '*': string })['*'];
        securityHeaders(reply, policy);
        // A path with a file extension names a file (which may be missing: 404); anything
        // else is one of the app's own routes, which only its index.html knows.
        if (/\.[a-z0-9]+$/i.test(wanted)) return reply.sendFile(wanted);
        if (!(await readable(path.join(root, 'index.html')))) return notBuilt(reply);
        return reply.sendFile('index.html');
      });
    },
    { prefix: DESK_PATH },
  );
}

function securityHeaders(reply: FastifyReply, policy: string): void {
  void reply
    .header('content-security-policy', policy)
    .header('x-content-type-options', 'nosniff')
    .header('referrer-policy', 'same-origin')
    .header('x-frame-options', 'DENY')
    .header('cross-origin-opener-policy', 'same-origin');
}

function notBuilt(reply: FastifyReply): FastifyReply {
  return reply
    .code(503)
    .header('content-type', 'application/json; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(
      errorBody(503, 'the desk is not built: run `npm run desk:build`', {
        reason: 'desk_not_built',
      }),
    );
}

async function readable(file: string): Promise<boolean> {
  try {
    await access(file, constants.R_OK);
    return true;
  } catch {
    return false;
  }
}
