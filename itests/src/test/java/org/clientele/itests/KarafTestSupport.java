package org.clientele.itests;

import static org.ops4j.pax.exam.CoreOptions.composite;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.systemProperty;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.CoreOptions.when;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivilegedExceptionAction;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

import javax.inject.Inject;
import javax.security.auth.Subject;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.api.console.SessionFactory;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.karaf.options.LogLevelOption;
import org.ops4j.pax.exam.options.MavenArtifactUrlReference;

/**
 * What every integration test needs: a container on free ports with known users, and
 * helpers to call the REST API and the shell as those users.
 */
public abstract class KarafTestSupport {
    static final String KARAF_VERSION = "4.4.10";
    static final String HTTP_PORT_PROPERTY = "clientele.test.httpPort";

    /** Users of the test container: name, password, roles. */
    static final String[][] USERS = {
        {"viewer", "viewer-pw", "clients-viewer"},
        {"editor", "editor-pw", "clients-editor"},
        {"boss", "boss-pw", "clients-admin,_g_:admingroup"},
        {"outsider", "outsider-pw", "viewer"},
    };

    @Inject
    protected SessionFactory sessionFactory;

    /** Our distribution, as built by the karaf-distribution module. */
    protected static Option ourDistribution() {
        String archive = System.getProperty("distribution.archive");
        File file = new File(archive);
        if (!file.isFile()) {
            throw new IllegalStateException("Build the distribution first: no " + file.getAbsolutePath());
        }
        return karafDistributionConfiguration().frameworkUrl(file.toURI().toString()).name("Clientele")
                .karafVersion(KARAF_VERSION).unpackDirectory(new File("target/exam")).useDeployFolder(false);
    }

    /** A stock Apache Karaf from Maven Central. */
    protected static Option stockKaraf() {
        MavenArtifactUrlReference karaf = maven().groupId("org.apache.karaf").artifactId("apache-karaf")
                .type("tar.gz").versionAsInProject();
        return karafDistributionConfiguration().frameworkUrl(karaf).name("Apache Karaf")
                .karafVersion(KARAF_VERSION).unpackDirectory(new File("target/exam")).useDeployFolder(false);
    }

    /** Free ports, Java 17 flags, users, local Maven repository, Awaitility in the container. */
    protected static Option common() {
        int http = freePort();
        String localRepo = System.getProperty("maven.repo.local", System.getProperty("user.home") + "/.m2/repository");
        Option[] users = new Option[USERS.length];
        for (int i = 0; i < USERS.length; i++) {
            users[i] = editConfigurationFilePut("etc/users.properties", USERS[i][0], USERS[i][1] + "," + USERS[i][2]);
        }
        return composite(
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevelOption.LogLevel.INFO),
                // pitfall 7: the flags bin/karaf passes on Java 9+, which Pax Exam does not
                vmOptions("--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-" + KARAF_VERSION + ".jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-" + KARAF_VERSION + ".jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                        "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                        "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                        "-Xmx768m"),
                // a running distribution on the default ports must not collide with the tests
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", Integer.toString(http)),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", Integer.toString(freePort())),
                editConfigurationFilePut("etc/system.properties", HTTP_PORT_PROPERTY, Integer.toString(http)),
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.localRepository", localRepo),
                when(System.getProperty("maven.repo.local") != null)
                        .useOptions(systemProperty("org.ops4j.pax.url.mvn.localRepository").value(localRepo)),
                composite(users),
                mavenBundle("org.awaitility", "awaitility").versionAsInProject(),
                mavenBundle("org.hamcrest", "hamcrest").versionAsInProject());
    }

    /** Ports {@link #freePort()} handed out in this JVM: each one once. */
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    /**
     * A TCP port that is free now and lies below the kernel's ephemeral range. A port the kernel
     * hands out (bind to port 0) is an ephemeral one, and so is the local port of every outgoing
     * connection: a Karaf restarted on its ports can find one held by such a connection (a CI boot
     * check: "Failed to bind to /0.0.0.0:37083" on a restart). Ports below the range are only
     * taken by a listener that asks for them.
     */
    static int freePort() {
        int low = 32768;
        try {
            // one line, "32768<TAB>60999"; Files.readString reads only the first byte of a /proc file
            low = Integer.parseInt(Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0)
                    .trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            // not Linux: keep the IANA default
        }
        for (int attempt = 0; low > 10_001 && attempt < 10_000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(10_000, low);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException busy) {
                // taken: try another
            }
        }
        try (ServerSocket s = new ServerSocket(0)) { // no room below the range: any free port
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free TCP port", e);
        }
    }

    /** HTTP against the container's API as the given user (null for anonymous). */
    protected static Http http(String user) {
        int port = Integer.getInteger(HTTP_PORT_PROPERTY);
        if (user == null) {
            return new Http(port, null, null);
        }
        for (String[] u : USERS) {
            if (u[0].equals(user)) {
                return new Http(port, u[0], u[1]);
            }
        }
        throw new IllegalArgumentException("no test user " + user);
    }

    /** Runs a shell command as user 'boss' (clients-admin, Karaf admin group) and returns what it printed. */
    protected String shell(String command) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        Subject subject = new Subject(false, Set.of(new UserPrincipal("boss"), new RolePrincipal("admin"),
                new RolePrincipal("manager"), new RolePrincipal("viewer"), new RolePrincipal("systembundles"),
                new RolePrincipal("clients-admin")), Set.of(), Set.of());
        Object result = Subject.doAs(subject, (PrivilegedExceptionAction<Object>) () -> {
            try (Session session = sessionFactory.create(System.in, out, out)) {
                session.put("APPLICATION", System.getProperty("karaf.name", "root"));
                session.put("USER", "boss");
                return session.execute(command);
            } catch (Exception e) {
                out.println("Error executing command: " + e.getMessage());
                return null;
            }
        });
        out.flush();
        String printed = bytes.toString(StandardCharsets.UTF_8);
        return result == null ? printed : printed + result;
    }
}
