#!/usr/bin/env bash
# In-process routing benchmark of the REST bundle: Jersey handling GET /clients/{id} and
# GET /health against the distribution's root templates, without and with RootTemplates.
#
#   bundles/org.clientele.rest/bench.sh [ROUNDS] [REQUESTS]      (defaults 5 and 200000)
#
# Builds the module's test classes (offline), then runs org.clientele.rest.internal.RoutingBench
# on their class path; prints nanoseconds per request per round. BENCH_JAVA_OPTS: JVM options.
set -e
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
(cd "$ROOT" && mvn -o -q -pl bundles/org.clientele.api,bundles/org.clientele.rest \
    test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
java ${BENCH_JAVA_OPTS:--Xmx512m} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.clientele.rest.internal.RoutingBench "${1:-5}" "${2:-200000}"
