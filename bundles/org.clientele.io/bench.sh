#!/bin/sh
# The import/export benchmark (IoBench): bench.sh [rows] [work directory]
# Builds the io bundle's test classes, copies them and their test class path to a directory
# of their own (so that builds running meanwhile cannot change them), and runs IoBench.
set -e
cd "$(dirname "$0")"
mvn -o -q test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test
LIB=$(mktemp -d /tmp/io-bench-lib.XXXXXX)
trap 'rm -rf "$LIB"' EXIT
cp -r target/classes "$LIB/classes"
cp -r target/test-classes "$LIB/test-classes"
CP="$LIB/test-classes:$LIB/classes"
for jar in $(tr ':' ' ' < target/bench.classpath); do
    # the project's own modules from this checkout's build, not from ~/.m2 (which other builds write)
    module=$(basename "$jar" | sed -n 's/^\(org\.clientele\.[a-z.]*[a-z]\)-[0-9].*\.jar$/\1/p')
    if [ -n "$module" ] && [ "${module#org.clientele.thirdparty}" = "$module" ] && [ -d "../$module/target/classes" ]; then
        cp -r "../$module/target/classes" "$LIB/$module"
        CP="$CP:$LIB/$module"
        continue
    fi
    cp "$jar" "$LIB/"
    CP="$CP:$LIB/$(basename "$jar")"
done
java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$CP" org.clientele.io.internal.IoBench "${1:-100000}" "${2:-target/io-bench}"
