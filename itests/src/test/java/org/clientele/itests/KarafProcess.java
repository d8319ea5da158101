package org.clientele.itests;

import static org.awaitility.Awaitility.await;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Our distribution as an operator runs it: unpacked from the built archive, on free ports,
 * started with {@code bin/karaf server} in a process of its own, so that a test can drive a
 * browser from the test JVM (Pax Exam would run the test methods inside the container).
 * {@link #close()} always ends the process tree; a shutdown hook does it if the test JVM exits
 * early, and a pid file lets the next run end one left behind by a killed test JVM.
 */
final class KarafProcess implements AutoCloseable {
    private static final Duration BOOT = Duration.ofSeconds(180);

    final Path home;
    final int httpPort;
    final int sshPort;
    private final Process process;
    private final Path pidFile;
    private final Thread hook;

    private KarafProcess(Path home, int httpPort, int sshPort, Process process, Path pidFile) {
        this.home = home;
        this.httpPort = httpPort;
        this.sshPort = sshPort;
        this.process = process;
        this.pidFile = pidFile;
        this.hook = new Thread(this::kill, "stop web-karaf");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /**
     * Unpacks {@code archive} into {@code dir} (emptied first), configures ports and users
     * ({@code name=password,roles} lines for etc/users.properties), leaves out the given boot
     * features, starts Karaf and waits until {@code /api/health} answers 200.
     */
    static KarafProcess boot(Path archive, Path dir, List<String> userLines, Set<String> withoutBootFeatures,
            String healthUser, String healthPassword) throws IOException, InterruptedException {
        dir = dir.toAbsolutePath();
        Path pidFile = dir.resolveSibling(dir.getFileName() + ".pid");
        killLeftOver(pidFile);
        deleteTree(dir);
        Files.createDirectories(dir);
        run(dir, "tar", "xzf", archive.toAbsolutePath().toString());
        Path home;
        try (Stream<Path> s = Files.list(dir)) {
            home = s.filter(Files::isDirectory).findFirst().orElseThrow(() -> new IOException("empty archive " + archive));
        }
        int http = KarafTestSupport.freePort();
        int ssh = KarafTestSupport.freePort();
        Path etc = home.resolve("etc");
        setProperty(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", Integer.toString(http));
        setProperty(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", Integer.toString(ssh));
        setProperty(etc.resolve("org.apache.karaf.shell.cfg"), "sshHost", "127.0.0.1");
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", Integer.toString(KarafTestSupport.freePort()));
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", Integer.toString(KarafTestSupport.freePort()));
        setProperty(etc.resolve("org.apache.karaf.management.cfg"), "jmxmpPort", Integer.toString(KarafTestSupport.freePort()));
        String localRepo = System.getProperty("maven.repo.local");
        if (localRepo != null && !localRepo.isBlank()) {
            setProperty(etc.resolve("org.ops4j.pax.url.mvn.cfg"), "org.ops4j.pax.url.mvn.localRepository", localRepo);
        }
        Files.write(etc.resolve("users.properties"), userLines, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.APPEND);
        if (!withoutBootFeatures.isEmpty()) {
            withoutBootFeatures(etc.resolve("org.apache.karaf.features.cfg"), withoutBootFeatures);
        }

        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server").directory(home.toFile())
                .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + ".out").toFile());
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        pb.environment().put("EXTRA_JAVA_OPTS", "-Xmx768m");
        Process process = pb.start();
        Files.writeString(pidFile, Long.toString(process.pid()));
        KarafProcess karaf = new KarafProcess(home, http, ssh, process, pidFile);
        try {
            Http probe = new Http(http, healthUser, healthPassword);
            await("Karaf serves /api/health").atMost(BOOT).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new IllegalStateException("Karaf ended with " + process.exitValue());
                        }
                        return probe.statusOf("/api/health") == 200;
                    });
        } catch (RuntimeException | Error e) {
            karaf.close();
            throw e;
        }
        return karaf;
    }

    /** Runs Karaf shell commands through bin/client as the given user; answers what it printed. */
    String shell(String user, String password, String... commands) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                Integer.toString(sshPort), "-u", user, "-p", password, "-b").directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process p = pb.start();
        p.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("bin/client did not finish: " + out);
        }
        return out;
    }

    Path log() {
        return home.resolve("data/log/karaf.log");
    }

    @Override
    public void close() {
        kill();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void kill() {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle h : tree) {
                h.onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            tree.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
        try {
            Files.deleteIfExists(pidFile);
        } catch (IOException e) {
            // harmless: the next run checks the process before it kills anything
        }
    }

    /** Ends a Karaf left behind by a test JVM that was killed, if it is still ours. */
    private static void killLeftOver(Path pidFile) throws IOException {
        if (!Files.isRegularFile(pidFile)) {
            return;
        }
        long pid = Long.parseLong(Files.readString(pidFile).strip());
        ProcessHandle.of(pid).ifPresent(p -> {
            boolean karaf = p.info().commandLine().map(c -> c.contains("karaf")).orElse(false);
            if (karaf) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
        });
        Files.deleteIfExists(pidFile);
    }

    /** Sets {@code key = value} in a properties-style cfg file, replacing an active or commented line. */
    static void setProperty(Path file, String key, String value) throws IOException {
        List<String> lines = Files.exists(file) ? new ArrayList<>(Files.readAllLines(file, StandardCharsets.UTF_8))
                : new ArrayList<>();
        Pattern p = Pattern.compile("^\\s*#?\\s*" + Pattern.quote(key) + "\\s*=.*$");
        boolean done = false;
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).matches() && !lines.get(i).endsWith("\\")) {
                lines.set(i, key + " = " + value);
                done = true;
                break;
            }
        }
        if (!done) {
            lines.add(key + " = " + value);
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Removes features from {@code featuresBoot}; an umbrella {@code clientele-all} is replaced by
     * its parts so that one extension can be left out.
     */
    static void withoutBootFeatures(Path cfg, Set<String> leaveOut) throws IOException {
        String text = Files.readString(cfg, StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("(?m)^featuresBoot\\s*=((?:[^\\n]*\\\\\\n)*[^\\n]*)$").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no featuresBoot in " + cfg);
        }
        List<String> features = new ArrayList<>();
        for (String f : m.group(1).replace("\\\n", " ").split(",")) {
            String name = f.strip();
            if (name.isEmpty()) {
                continue;
            }
            if (name.startsWith("clientele-all")) {
                features.addAll(Arrays.asList("clientele", "clientele-projects", "clientele-sales", "clientele-files",
                        "clientele-history"));
            } else {
                features.add(name);
            }
        }
        String kept = features.stream().filter(f -> !leaveOut.contains(f.split("/")[0])).collect(Collectors.joining(", "));
        Files.writeString(cfg, text.substring(0, m.start()) + "featuresBoot = " + kept + text.substring(m.end()),
                StandardCharsets.UTF_8);
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                File f = p.toFile();
                if (!f.delete() && f.exists()) {
                    throw new IOException("cannot delete " + p);
                }
            }
        }
    }
}
