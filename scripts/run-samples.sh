#!/usr/bin/env bash
# The main job: installs what ClaimVision needs to run, builds it (Release), and processes every shipped sample
# claim (samples/claims/*) through the whole chain — OCR, document classifier, field extraction, policy
# assessment — printing the summary table (with each claim's expected outcome, ✓ or what differs) and writing one
# recommendation JSON per claim to out/recommendations. Exit code 0 when every claim matched its expected.json.
# Regenerate the samples with: claimvision samples claims --out samples/claims
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
dotnet build src/ClaimVision.Cli -c Release -nologo -v quiet
export OMP_THREAD_LIMIT=1 MALLOC_ARENA_MAX=2 MALLOC_MMAP_THRESHOLD_=33554432
exec src/ClaimVision.Cli/bin/Release/net10.0/claimvision process samples/claims/* --out out/recommendations "$@"
