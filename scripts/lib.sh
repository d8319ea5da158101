# Shared helpers of the scripts that boot a throw-away Clientele distribution
# (boot-check.sh, bench.sh). Source it, do not run it:
#
#   . "$(dirname "$0")/lib.sh"
#
# Needs python3 (free ports) and GNU sed/tar.

# The distribution archive built by karaf-distribution under the project root $1 (empty if none).
clientele_archive() {
  ls "$1"/karaf-distribution/target/clientele-distribution-*.tar.gz 2>/dev/null | head -1
}

# N (default 1) distinct TCP ports, one per line, that are free right now and lie below the
# kernel's ephemeral range. A port the kernel hands out (bind to port 0) is an ephemeral one, and
# so is the local port of every outgoing connection: a Karaf restarted on its ports found its HTTP
# port held by such a connection ("Failed to bind to /0.0.0.0:37083", a CI boot check, restart
# 15 of 20). Ports below the range are only ever taken by a listener that asks for them.
free_ports() {
  python3 - "${1:-1}" <<'PY'
import random, socket, sys
low = 32768
try:
    low = int(open('/proc/sys/net/ipv4/ip_local_port_range').read().split()[0])
except (OSError, ValueError, IndexError):
    pass
wanted, found = int(sys.argv[1]), []
while len(found) < wanted:
    port = random.randint(10000, max(low, 10001) - 1)
    if port in found:
        continue
    s = socket.socket()
    try:
        s.bind(('0.0.0.0', port))
        found.append(port)
    except OSError:
        pass
    finally:
        s.close()
print('\n'.join(map(str, found)))
PY
}

# Unpacks archive $1 into directory $2 (which must exist), without the top-level folder.
clientele_unpack() {
  tar xzf "$1" -C "$2" --strip-components=1
}

# Moves every listening port of the installation in $1 to a free one: HTTP (pax-web), SSH
# (Karaf shell) and the two JMX RMI ports. Sets the globals http, ssh, rmir and rmis.
clientele_free_ports() {
  local dir=$1
  read -r http ssh rmir rmis <<< "$(free_ports 4 | tr '\n' ' ')"
  sed -i "s/^org.osgi.service.http.port *=.*/org.osgi.service.http.port = $http/" "$dir/etc/org.ops4j.pax.web.cfg"
  grep -q '^org.osgi.service.http.port' "$dir/etc/org.ops4j.pax.web.cfg" || echo "org.osgi.service.http.port = $http" >> "$dir/etc/org.ops4j.pax.web.cfg"
  sed -i "s/^sshPort *=.*/sshPort = $ssh/" "$dir/etc/org.apache.karaf.shell.cfg"
  sed -i "s/^rmiRegistryPort *=.*/rmiRegistryPort = $rmir/; s/^rmiServerPort *=.*/rmiServerPort = $rmis/" "$dir/etc/org.apache.karaf.management.cfg"
}

# Adds user $2 with password $3 and roles $4 (comma-separated) to etc/users.properties of
# the installation in $1.
clientele_add_user() {
  echo "$2 = $3,$4" >> "$1/etc/users.properties"
}

# Stops the Karaf started by `bin/karaf server` as process $1 (the script): its JVM is a
# child of the script, so the JVM gets SIGTERM (orderly shutdown) and, after 30 s, SIGKILL;
# then the script is reaped.
clientele_stop() {
  local pid=$1 jpid
  [ -n "$pid" ] || return 0
  jpid=$(pgrep -P "$pid" java | head -1)
  if [ -n "$jpid" ]; then
    kill "$jpid" 2>/dev/null
    for _ in $(seq 1 120); do kill -0 "$jpid" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$jpid" 2>/dev/null
  fi
  kill "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null
  return 0
}
