// The desk: a single-page app under /desk/, built into dist/desk and served by the API.
// `npm run desk:dev` serves it with hot reload and passes /api on to the API (PORT, default 3000).
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = `http://localhost:${process.env.PORT ?? '3000'}`;

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/desk/',
  // With the repository's other caches, not beside the desk's sources.
  cacheDir: fileURLToPath(new URL('../../node_modules/.vite/desk', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../../dist/desk', import.meta.url)),
    emptyOutDir: true,
    // scripts/desk-build.mjs reads it to measure what a first visit loads.
    manifest: true,
    sourcemap: true,
    target: 'es2022',
  },
  server: {
    port: 5173,
    // The Host header stays the dev server's, so the API's Origin check accepts the desk's
    // cookie-authenticated changes as coming from the API's own origin.
    proxy: { '/api': { target: api } },
  },
});
