#!/bin/sh
# The import/export benchmark (IoBench): bench.sh [rows] [work directory]
# Builds the io bundle's test classes and runs IoBench with the test class path.
set -e
cd "$(dirname "$0")"
mvn -o -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
exec java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.clientele.io.internal.IoBench "${1:-100000}" "${2:-target/io-bench}"
