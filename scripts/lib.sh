#!/usr/bin/env bash
# Shared helpers for scripts/setup.sh, start.sh and test.sh. Each step either makes its prerequisite true
# or stops with a message saying what to run.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export NX_DAEMON=false NX_NO_CLOUD=true NX_SKIP_NX_CACHE=${NX_SKIP_NX_CACHE:-false} NG_CLI_ANALYTICS=false NX_TUI=false
export PUPPETEER_SKIP_DOWNLOAD=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

PGHOST_ADDR="${PGHOST_ADDR:-127.0.0.1}"
PGPORT_NUM="${PGPORT_NUM:-5432}"

say() { printf '\033[1;34m[plexus]\033[0m %s\n' "$*"; }
die() { printf '\033[1;31m[plexus] %s\033[0m\n' "$*" >&2; exit 1; }
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else return 1; fi; }

apt_install() {
  say "Installing $* from Debian's packages"
  if [ ! -f /tmp/.plexus-apt-updated ]; then as_root apt-get update -qq && touch /tmp/.plexus-apt-updated || true; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null || die "Could not install $*. Run: sudo apt-get install -y $*"
}

ensure_node() {
  command -v node >/dev/null || die "Node.js 20.19+ is needed: install it (e.g. apt-get install nodejs) and run this again."
  local major; major=$(node -p 'process.versions.node.split(".")[0]')
  [ "$major" -ge 20 ] || die "Node.js $(node -v) is too old: Plexus needs 20.19 or newer."
}

ensure_packages() {
  local stamp=node_modules/.plexus-installed
  if [ ! -f "$stamp" ] || [ package.json -nt "$stamp" ] || [ package-lock.json -nt "$stamp" ]; then
    say "Installing npm packages (npm install)"
    npm install --no-audit --no-fund --loglevel=error
    touch "$stamp"
  fi
}

ensure_chromium() {
  CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
  if [ ! -x "$CHROMIUM_PATH" ]; then apt_install chromium fonts-liberation; fi
  [ -x "$CHROMIUM_PATH" ] || die "Chromium not found at $CHROMIUM_PATH. Install it (apt-get install chromium) or set CHROMIUM_PATH."
  command -v pdftotext >/dev/null || apt_install poppler-utils || true
  command -v qpdf >/dev/null || apt_install qpdf || true
  export CHROMIUM_PATH
}

pg_ready() { pg_isready -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -q 2>/dev/null; }

ensure_postgres() {
  if ! command -v pg_isready >/dev/null; then apt_install postgresql; fi
  if ! pg_ready; then
    say "Starting PostgreSQL"
    if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
      local v; v=$(ls /etc/postgresql | sort -V | tail -1)
      as_root pg_ctlcluster --skip-systemctl-redirect "$v" main start || true
    fi
    for _ in $(seq 1 30); do pg_ready && break; sleep 1; done
  fi
  pg_ready || die "PostgreSQL is not answering on $PGHOST_ADDR:$PGPORT_NUM. Start it (pg_ctlcluster <version> main start) or point DATABASE_URL/DATABASE_OWNER_URL at a running server."
}

ensure_redis() {
  if ! command -v redis-server >/dev/null; then apt_install redis-server; fi
  if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
    say "Starting Redis"
    mkdir -p /tmp/plexus-redis
    redis-server --daemonize yes --bind 127.0.0.1 --port 6379 --save "" --appendonly no --dir /tmp/plexus-redis --logfile /tmp/plexus-redis/redis.log >/dev/null
    for _ in $(seq 1 20); do redis-cli ping >/dev/null 2>&1 && break; sleep 0.5; done
  fi
  redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1 || die "Redis is not answering on 127.0.0.1:6379. Start it (redis-server --daemonize yes) or set REDIS_URL."
}

# Runs SQL as a PostgreSQL superuser (local trust or peer auth).
psql_admin() {
  if psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U postgres -d postgres -tAc 'select 1' >/dev/null 2>&1; then
    psql -h "$PGHOST_ADDR" -p "$PGPORT_NUM" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
  elif [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
    runuser -u postgres -- psql -d postgres -v ON_ERROR_STOP=1 -qtA "$@"
  else
    die "Cannot connect to PostgreSQL as a superuser to create Plexus's roles. Run as a user who can (sudo -u postgres), or create them by hand: see README 'Database roles'."
  fi
}

# Two roles: plexus_owner owns the schema and runs migrations; plexus_app is what the app connects as (RLS applies).
ensure_roles() {
  psql_admin <<'SQL'
do $$ begin
  if not exists (select from pg_roles where rolname = 'plexus_owner') then
    create role plexus_owner login password 'plexus_owner' createdb nosuperuser nobypassrls;
  end if;
  if not exists (select from pg_roles where rolname = 'plexus_app') then
    create role plexus_app login password 'plexus_app' nosuperuser nobypassrls nocreatedb nocreaterole;
  end if;
end $$;
SQL
}

ensure_database() {
  local db="$1"
  if [ "$(psql_admin -c "select 1 from pg_database where datname = '$db'")" != "1" ]; then
    say "Creating database $db"
    psql_admin -c "create database \"$db\" owner plexus_owner"
  fi
  psql_admin -c "revoke create on schema public from public" -d "$db" >/dev/null 2>&1 || true
  psql_admin -d "$db" -c "alter schema public owner to plexus_owner" >/dev/null
}

ensure_git_hooks() {
  if [ -d .git ] && [ "$(git config --get core.hooksPath || true)" != ".githooks" ]; then git config core.hooksPath .githooks || true; fi
}
