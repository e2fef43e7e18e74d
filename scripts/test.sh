#!/usr/bin/env bash
# Sets up a fresh Debian 12 machine (with the .NET SDK) and runs every test:
# installs the Debian packages, starts the test servers on loopback, runs `dotnet test`, stops the servers.
# The last thing printed is the test runner's own summary.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh test
if [ -x scripts/services.sh ]; then
  scripts/services.sh start
  trap 'scripts/services.sh stop >/dev/null 2>&1 || true' EXIT
  # shellcheck disable=SC1091
  [ -f .services/env ] && set -a && . .services/env && set +a
fi
export OMP_THREAD_LIMIT=1
# A test that hangs is stopped after 10 minutes and named ("The active test running was …"), and the run still ends
# with the runner's summary; no single test takes more than about two minutes here.
dotnet test ClaimVision.sln -c Release --blame-hang-timeout 10m --blame-hang-dump-type none "$@"
