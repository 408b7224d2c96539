# One image for every Newsdesk process. The default command runs the API; the
# other apps and the database command are chosen by overriding the command:
#   node dist/apps/workflow/src/main.js
#   node dist/apps/media/src/main.js
#   node dist/apps/projector/src/main.js
#   node dist/libs/database/src/cli.js migrate
# All configuration comes from environment variables (libs/config/src/config.ts).

# ---------------------------------------------------------------------------
# build: install everything, compile TypeScript, then drop the dev dependencies
# ---------------------------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app

# Manifests first, so the dependency layer is reused while only source changes.
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
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app

# Owned by root and only readable by the app user: the apps write nothing to disk.
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist

# The non-root user that the official Node images provide (uid 1000).
USER node

# Only the API listens (PORT, default 3000). There is no HEALTHCHECK here because
# the workers run from the same image and serve no HTTP; the API's health check
# lives in docker-compose.yml.
EXPOSE 3000
CMD ["node", "dist/apps/api/src/main.js"]
