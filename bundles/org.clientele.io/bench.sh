#!/bin/sh
# The import/export benchmark (IoBench): bench.sh [rows] [work directory]
# Builds the io bundle's test classes, copies them and their test class path to a directory
# of their own (so that builds running meanwhile cannot change them), and runs IoBench.
# The api, domain and persistence modules come from this checkout (built in the same reactor),
# not from ~/.m2, which other checkouts' builds also write.
# Derby runs as the distribution ships it: IoBench reads the derby.storage.* lines of the
# etc/system.properties block in ../../karaf-distribution/pom.xml (page cache, log buffer) and
# sets them for the JDBC baseline and the imports alike; a -D in BENCH_JAVA_OPTS overrides one.
set -e
cd "$(dirname "$0")"
ROOT=$(cd ../.. && pwd)
(cd "$ROOT" && mvn -o -q -pl bundles/org.clientele.api,bundles/org.clientele.domain,bundles/org.clientele.lib.jpa,bundles/org.clientele.persistence,bundles/org.clientele.io \
    test-compile org.apache.maven.plugins:maven-dependency-plugin:3.8.1:build-classpath \
    -Dmdep.outputFile=target/bench.classpath -Dmdep.includeScope=test)
LIB=$(mktemp -d /tmp/io-bench-lib.XXXXXX)
trap 'rm -rf "$LIB"' EXIT
cp -r target/classes "$LIB/classes"
cp -r target/test-classes "$LIB/test-classes"
CP="$LIB/test-classes:$LIB/classes"
i=0
for entry in $(tr ':' ' ' < target/bench.classpath); do
    i=$((i + 1))
    # a jar, or a module's target/classes in this reactor
    cp -r "$entry" "$LIB/$i-$(basename "$entry")"
    CP="$CP:$LIB/$i-$(basename "$entry")"
done
java ${BENCH_JAVA_OPTS:--Xmx1g} -cp "$CP" org.clientele.io.internal.IoBench "${1:-100000}" "${2:-target/io-bench}"
