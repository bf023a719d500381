#!/usr/bin/env bash
# The packaged-stack stage of .ci/run: the end-to-end classes tagged @EndToEndStage (the main flow, the
# platform clock, fee consent by SMS code, customer erasure), each on a stack of its own. They are kept out of
# ./mvnw verify to hold it under ten minutes; this runs them on the same packaged jars.
set -euo pipefail
cd "$(dirname "$0")/../.."
export MAVEN_ARGS="${MAVEN_ARGS:--B -ntp}"
# -am builds the service jars the stack runs; -Dgroups selects only the stage's classes in every module.
./mvnw -pl deploy/local -am verify -Dgroups=e2e-stage -De2e.excludedGroups= -Dsurefire.failIfNoSpecifiedTests=false "$@"
