#!/usr/bin/env bash
# Validates docker-compose.yml without a Docker engine: `docker-compose config`
# parses, interpolates and checks the file against the Compose schema. Installs
# Debian's docker-compose package when no compose command is there (as root).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

if command -v docker-compose >/dev/null 2>&1; then
  compose=(docker-compose)
elif docker compose version >/dev/null 2>&1; then
  compose=(docker compose)
elif [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing docker-compose to check the compose file …"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq docker-compose >/dev/null
  compose=(docker-compose)
else
  echo "no docker-compose here; install it (or Docker Compose v2) to check docker-compose.yml" >&2
  exit 1
fi

# JWT_SECRET has no default on purpose; any value lets the file interpolate.
JWT_SECRET="${JWT_SECRET:-compose-check-only}" "${compose[@]}" -f docker-compose.yml config -q
echo "docker-compose.yml is valid"
