#!/usr/bin/env bash
# Runs every test. Same command locally and in CI (.ci/run calls it).
set -euo pipefail
cd "$(dirname "$0")"
dotnet test Enrichment.sln -c Release --logger "console;verbosity=normal" "$@"
