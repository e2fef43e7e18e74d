#!/usr/bin/env bash
# The main job on the committed samples: installs the Debian packages the product needs, builds the CLI in
# Release, and analyses every sample document into out/analysis/<name>.json.
# Exit code: that of `claimvision analyze` (0 all analysed, 1 any file failed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh run
dotnet build src/ClaimVision.Cli -c Release -o out/bin/cli --nologo -v quiet
mkdir -p out/analysis
shopt -s nullglob
samples=(samples/documents/*.png samples/documents/*.jpg samples/documents/*.jpeg samples/documents/*.tif samples/documents/*.tiff)
out/bin/cli/claimvision analyze "${samples[@]}" --out out/analysis
echo "run-samples: ${#samples[@]} document(s) analysed into out/analysis/" >&2
