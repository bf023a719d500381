#!/usr/bin/env bash
# The published API descriptions, checked by the tools their readers use (.ci/run stage "API descriptions"):
# Redocly's recommended rules over docs/openapi/*.yaml (config: redocly.yaml at the repository root; warnings
# are printed, errors fail) and the AsyncAPI parser over docs/asyncapi/asyncapi.yaml and its JSON Schemas.
# The tools come from package-lock.json into deploy/apidocs/node_modules: nothing installed globally.
set -euo pipefail
cd "$(dirname "$0")"
start=$SECONDS
command -v npm >/dev/null || { echo "npm (Node 20+) is needed for the API description checks" >&2; exit 1; }
npm ci --no-audit --no-fund --loglevel=error
export REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true
npx --no-install redocly lint --config ../../redocly.yaml --max-problems 1000 ../../docs/openapi/*.yaml
node validate-asyncapi.mjs ../../docs/asyncapi/asyncapi.yaml
echo "API descriptions checked in $((SECONDS - start)) s"
