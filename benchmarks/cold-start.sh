#!/usr/bin/env bash
# Cold start of the published function (docs/performance.md, "Cold start"): publishes src/Checker the way the CDK app
# does and the way it used to, then times process start to the first line of `compliance scan --snapshot ... --format json`
# over RUNS fresh processes per variant (median). Usage: benchmarks/cold-start.sh [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-11}
out=${TMPDIR:-/tmp}/compliance-cold-start
snapshot=samples/snapshots/compliant.json

dotnet build benchmarks/Compliance.Benchmarks -c Release --nologo -v quiet >/dev/null
bench="dotnet benchmarks/Compliance.Benchmarks/bin/Release/net10.0/Compliance.Benchmarks.dll --cold-start $runs"

dotnet publish src/Checker -c Release -o "$out/jit" --nologo -v quiet >/dev/null
dotnet publish src/Checker -c Release -p:PublishProfile=Function -o "$out/r2r" --nologo -v quiet >/dev/null   # what the CDK app deploys

run() { printf '%-44s ' "$1"; shift; env "$@" $bench dotnet "$out/$variant/compliance.dll" scan --snapshot "$snapshot" --format json; }
for variant in jit r2r; do
  run "$variant" X=1
  run "$variant, TieredPGO off" DOTNET_TieredPGO=0
  run "$variant, TieredCompilation off" DOTNET_TieredCompilation=0
done
