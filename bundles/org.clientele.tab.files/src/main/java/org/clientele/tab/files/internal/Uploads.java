package org.clientele.tab.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.Set;

import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;

/**
 * The rules an upload must pass, with the settings of {@code org.clientele.files}: the bytes
 * are spooled to a temporary file while they are counted and hashed (refused as soon as they
 * pass the limit), then their type is detected and checked against the name, the declared
 * type and the accepted types.
 */
final class Uploads {
    /** Error code for an empty file. */
    static final String EMPTY = "EMPTY";

    private final long maxBytes;
    private final Set<String> allowed;

    Uploads(long maxBytes, Set<String> allowed) {
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes must be at least 1, not " + maxBytes);
        }
        this.maxBytes = maxBytes;
        this.allowed = Set.copyOf(allowed);
    }

    static Uploads of(FilesConfig config) {
        Set<String> types = new LinkedHashSet<>();
        for (String entry : config.allowedTypes()) {
            for (String t : entry.split("[,\\s]+")) {
                if (!t.isBlank()) {
                    types.add(FileTypes.baseType(t));
                }
            }
        }
        return new Uploads(config.maxBytes(), types);
    }

    long maxBytes() {
        return maxBytes;
    }

    Set<String> allowed() {
        return allowed;
    }

    /**
     * A file that passed every check, in a temporary file that the caller deletes
     * ({@link #close()}).
     */
    record Accepted(Path path, String name, long size, String sha256, String contentType) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            Files.deleteIfExists(path);
        }
    }

    /**
     * Receives one file.
     *
     * @param content      the file's bytes
     * @param rawName      the name the client sent, or null
     * @param declaredType the content type the client sent, or null
     * @throws UploadRefused        413 over the limit, 415 for a type that is not accepted or
     *                              contradicts the name or the declared type
     * @throws ValidationException  for an empty file
     */
    Accepted receive(InputStream content, String rawName, String declaredType) throws IOException {
        String name = FileNames.sanitise(rawName);
        Path tmp = Files.createTempFile("clientele-upload-", ".tmp");
        try {
            MessageDigest sha = sha256();
            long size = 0;
            byte[] buf = new byte[64 * 1024];
            try (OutputStream out = Files.newOutputStream(tmp)) {
                int n;
                while ((n = content.read(buf)) >= 0) {
                    size += n;
                    if (size > maxBytes) {
                        throw UploadRefused.tooLarge(maxBytes);
                    }
                    sha.update(buf, 0, n);
                    out.write(buf, 0, n);
                }
            }
            if (size == 0) {
                throw new ValidationException(new FieldError("file", EMPTY, "The file '" + name + "' is empty."));
            }
            String type = FileTypes.detect(tmp, name);
            if (type.equals(FileTypes.BINARY) && FileTypes.looksLikeLegacyText(tmp)) {
                throw UploadRefused.unsupported(type, "'" + name + "' looks like text, but not UTF-8 (perhaps"
                        + " Windows-1252, as Excel saves CSV): save it as UTF-8 (\"CSV UTF-8\") and upload it again.");
            }
            check(type, name, declaredType);
            return new Accepted(tmp, name, size, HexFormat.of().formatHex(sha.digest()), type);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
    }

    /** Refuses (415) a detected type that the name or the declared type contradicts, or that is not accepted. */
    void check(String detected, String name, String declaredType) {
        String byName = FileTypes.byExtension(name).orElse(null);
        if (byName != null && !byName.equals(detected)) {
            throw UploadRefused.unsupported(detected, "The content of '" + name + "' is " + detected
                    + " (detected from its bytes), but its name says " + byName + ".");
        }
        if (!FileTypes.declaredFits(declaredType, detected)) {
            throw UploadRefused.unsupported(detected, "The content of '" + name + "' is " + detected
                    + " (detected from its bytes), but it was sent as " + FileTypes.baseType(declaredType) + ".");
        }
        if (!allowed.contains(detected)) {
            String[] accepted = allowed.toArray(String[]::new);
            Arrays.sort(accepted);
            throw UploadRefused.unsupported(detected, "The content of '" + name + "' is " + detected
                    + " (detected from its bytes), which is not accepted. Accepted: " + String.join(", ", accepted) + ".");
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
    }
}
