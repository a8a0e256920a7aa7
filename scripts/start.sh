#!/usr/bin/env bash
# npm start: installs what is missing, prepares the database, builds, loads the demo networks and runs
# the API (which also serves the web app), the worker and a local mail catcher. Ctrl-C stops them all.
source "$(dirname "$0")/lib.sh"
ensure_node
ensure_packages
ensure_chromium
ensure_postgres
ensure_redis
ensure_roles
ensure_database "${PLEXUS_DB:-plexus}"

export PORT="${PORT:-3000}"
export PUBLIC_URL="${PUBLIC_URL:-http://localhost:$PORT}"
export DATABASE_URL="${DATABASE_URL:-postgres://plexus_app:plexus_app@127.0.0.1:5432/${PLEXUS_DB:-plexus}}"
export DATABASE_OWNER_URL="${DATABASE_OWNER_URL:-postgres://plexus_owner:plexus_owner@127.0.0.1:5432/${PLEXUS_DB:-plexus}}"
export SMTP_URL="${SMTP_URL:-smtp://127.0.0.1:1025}"
export LOG_PRETTY="${LOG_PRETTY:-true}"

say "Building api, worker and web"
npx nx run-many -t build --projects=api,worker,web --outputStyle=static >/tmp/plexus-build.log 2>&1 || { tail -40 /tmp/plexus-build.log; die "Build failed (full log: /tmp/plexus-build.log)"; }
say "Migrating the database"
node dist/apps/api/main.js migrate
say "Loading demo networks"
node dist/apps/api/main.js seed

pids=()
cleanup() { trap - INT TERM EXIT; for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup INT TERM EXIT

if [[ "$SMTP_URL" == smtp://127.0.0.1:1025* ]] && ! (exec 3<>/dev/tcp/127.0.0.1/1025) 2>/dev/null; then
  node scripts/mail-catcher.mjs & pids+=($!)
fi
node dist/apps/worker/main.js & pids+=($!)
node dist/apps/api/main.js serve & pids+=($!)

for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break; sleep 1; done
curl -fs "http://127.0.0.1:$PORT/api/health" >/dev/null || die "The API did not come up; see the log above."
cat <<INFO

  Plexus is running:  $PUBLIC_URL
  API docs:           $PUBLIC_URL/api/docs
  Demo sign-ins (password for all: plexus-demo-2026):
    alex.morgan@example.org    manager of Northern Spinal Network, viewer in East Midlands MTN (two networks)
    priya.shah@example.org     manager, East Midlands Major Trauma Network
    sam.patel@example.org      manager, Northern Maternity Clinical Network
    ravi.kumar@example.org     lead, East Midlands MTN     helen.ward@example.org   viewer, East Midlands MTN
    owen.price@example.org     contributor (Riverside General Hospital), East Midlands MTN
    commissioner@example.org   commissioner in East Midlands MTN and Northern Spinal: their reports only (Reports from my networks)
    operator@example.org       platform operator (creates networks)
  Mail sent by Plexus is printed here by the local mail catcher. Ctrl-C stops everything.

INFO
wait -n "${pids[@]}"
