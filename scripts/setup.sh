#!/usr/bin/env bash
# Installs and prepares everything Plexus needs on this machine; safe to run again.
source "$(dirname "$0")/lib.sh"
ensure_node
ensure_packages
ensure_chromium
ensure_postgres
ensure_redis
ensure_roles
ensure_database "${PLEXUS_DB:-plexus}"
ensure_git_hooks
say "Setup done"
