#!/usr/bin/env bash
# npm test: installs what is missing, starts PostgreSQL and Redis if needed, type-checks, builds, and runs
# every test (unit, web, integration against real PostgreSQL/Redis/SMTP, browser journeys in real Chromium).
# Exits non-zero on any failure. The last line reads "tests: N passed, N failed".
source "$(dirname "$0")/lib.sh"
ensure_node
ensure_packages
ensure_chromium
ensure_postgres
ensure_redis
ensure_roles

mkdir -p tmp
say "Type-checking and linting"
npx tsc -p tsconfig.check.json --noEmit
npx tsc -p apps/web/tsconfig.spec.json --noEmit   # the web specs (jest does not type-check them; the build checks the app)
npx nx show projects >/dev/null   # computes the project graph that the module-boundary lint rule reads
npx eslint . --max-warnings=0
say "Building api, worker and web"
npx nx run-many -t build --projects=api,worker,web --outputStyle=static >tmp/build.log 2>&1 || { tail -60 tmp/build.log; die "Build failed (tmp/build.log)"; }

say "Running tests"
status=0
npx jest --selectProjects unit web integration browser --ci --json --outputFile=tmp/jest-results.json "$@" || status=$?
say "Running the fault and abuse suite (npm run test:faults)"
npm run --silent test:faults 2>&1 | tee tmp/faults.log
[ "${PIPESTATUS[0]}" -eq 0 ] || status=1
node -e '
  const r = require("./tmp/jest-results.json");
  const skipped = r.numPendingTests + r.numTodoTests;
  const f = /^faults: (\d+) passed, (\d+) failed/m.exec(require("fs").readFileSync("tmp/faults.log", "utf8")) || [0, 0, 1];
  console.log(`tests: ${r.numPassedTests + Number(f[1])} passed, ${r.numFailedTests + Number(f[2])} failed` + (skipped ? `, ${skipped} skipped` : ""));
  if (r.numTotalTests === 0) { console.error("No tests ran"); process.exit(1); }
' || status=1
exit $status
