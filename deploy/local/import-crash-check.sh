#!/usr/bin/env bash
# A .ci/run stage (issue 15): the launcher is killed with SIGKILL in the middle of an import job and started
# again on the same data folder; the job must finish with no machine, customer or event duplicated
# (ImportCrashCheck's javadoc says what it checks). It starts the stack twice, so it stays out of ./mvnw verify.
# Needs the packaged deploy/local (./mvnw verify or package has run).
set -euo pipefail
cd "$(dirname "$0")/../.."
if [ ! -d deploy/local/target/lib ]; then
  ./mvnw ${MAVEN_ARGS:--B -ntp} -q -DskipTests package -pl deploy/local -am
fi
data="$(mktemp -d "${TMPDIR:-/tmp}/import-crash-check.XXXXXX")"
trap 'rm -rf "$data"' EXIT
java -cp "deploy/local/target/classes:deploy/local/target/lib/*" dev.aftersales.local.ImportCrashCheck --data "$data" "$@"
