# One image for every Newsdesk process. The default command runs the API; the
# other apps and the database command are chosen by overriding the command:
#   node --no-memory-reducer dist/apps/workflow/src/main.js
#   node --no-memory-reducer --max-semi-space-size=4 dist/apps/media/src/main.js
#   node --no-memory-reducer dist/apps/projector/src/main.js
#   node dist/libs/database/src/cli.js migrate
# Every app runs with the Node.js options in apps/node-flags.json, every app's and
# its own (why: there).
# All configuration comes from environment variables (libs/config/src/config.ts).

# ---------------------------------------------------------------------------
# build: install everything, compile TypeScript, then drop the dev dependencies
# ---------------------------------------------------------------------------
FROM node:24-bookworm-slim AS build
WORKDIR /app

# Manifests first, so the dependency layer is reused while only source changes.
# (npm ci also brings the devDependency `node`, the pinned Node 24 for machines
# whose own node is older; the image has Node 24 already, and the prune below drops it.)
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

COPY . .
RUN npm run build
# What is left in node_modules is exactly what the runtime stage ships.
RUN npm prune --omit=dev --no-audit --no-fund

# ---------------------------------------------------------------------------
# runtime: the same base image as the build (glibc), so the native modules
# installed there (sharp, argon2) load here unchanged
# ---------------------------------------------------------------------------
FROM node:24-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

# jemalloc for the media app (docker-compose.yml preloads it there): sharp's image
# buffers fragment glibc's heap, so a long-running worker's memory would creep up.
# Linked to one path whatever the architecture's library folder is.
RUN apt-get update \
  && apt-get install -y --no-install-recommends libjemalloc2 \
  && rm -rf /var/lib/apt/lists/* \
  && ln -s "$(find /usr/lib -name libjemalloc.so.2 | head -n 1)" /usr/local/lib/libjemalloc.so.2

# Owned by root and only readable by the app user: the apps write nothing to disk.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

# The non-root user that the official Node images provide (uid 1000).
USER node

# The API listens on PORT (3000); the worker apps serve only /health and /metrics on
# WORKFLOW_PORT, MEDIA_PORT and PROJECTOR_PORT (3001-3003). Health checks live in
# docker-compose.yml, one per app.
EXPOSE 3000
CMD ["node", "--no-memory-reducer", "dist/apps/api/src/main.js"]
