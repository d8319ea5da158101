package org.clientele.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The page under {@code /clientele}: {@code /clientele} redirects to {@code /clientele/} (so that
 * the page's relative module paths resolve), {@code /clientele/} answers {@code index.html}, and
 * {@code /clientele/<path>} the file {@code /web/<path>} of this bundle, if it is one of the
 * page's kinds of file ({@link #TYPES}). Nothing else is served: a path with an empty segment or
 * a segment starting with a dot ({@code ..}, hidden files) is 404 without a look, so nothing
 * outside {@code /web} can be reached.
 * <p>
 * Every answer carries {@code nosniff}, {@code no-referrer} and {@code Cache-Control: no-cache}
 * with an {@code ETag} (the files change with the bundle only, so a revalidation is a 304 without
 * a body); the HTML also the page's {@link #CSP}.
 */
final class PageServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String ROOT = "/web";
    static final String INDEX = ROOT + "/index.html";

    /** What the page is made of; any other extension is not served. */
    static final Map<String, String> TYPES = Map.of(
            "html", "text/html;charset=UTF-8",
            "css", "text/css;charset=UTF-8",
            "js", "text/javascript;charset=UTF-8",
            "json", "application/json",
            "svg", "image/svg+xml",
            "png", "image/png",
            "ico", "image/x-icon",
            "woff2", "font/woff2");

    /** Segments of letters, digits, {@code _ - .}, none empty and none starting with a dot. */
    private static final Pattern SAFE = Pattern.compile("(/[A-Za-z0-9_-][A-Za-z0-9_.-]*)+");

    /** Only our own files and the API: no inline script, no third-party origin. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /**
     * The page's files that were asked for, read once: the bundle's files do not change under its
     * class loader. Names that name no file are not kept, so requests cannot grow it beyond the page.
     */
    private final transient Map<String, File> files = new ConcurrentHashMap<>();

    record File(byte[] bytes, String type, String etag) {
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null) { // "/clientele" itself
            String query = request.getQueryString();
            String target = request.getRequestURI() + "/";
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", query == null ? target : target + "?" + query);
            return;
        }
        Optional<File> found = resource(path);
        if (found.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        File file = found.get();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        // small files that change with the bundle: always revalidate
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("ETag", file.etag());
        if (file.type().startsWith("text/html")) {
            response.setHeader("Content-Security-Policy", CSP);
        }
        if (matches(request.getHeader("If-None-Match"), file.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setContentType(file.type());
        response.setContentLength(file.bytes().length);
        response.getOutputStream().write(file.bytes());
    }

    /** The file for a path under {@code /clientele} ({@code "/"} is the index), or empty. */
    Optional<File> resource(String path) {
        String name = "/".equals(path) ? INDEX : ROOT + path;
        if (!"/".equals(path) && !SAFE.matcher(path).matches()) {
            return Optional.empty();
        }
        int dot = name.lastIndexOf('.');
        String type = dot < 0 ? null : TYPES.get(name.substring(dot + 1));
        if (type == null) {
            return Optional.empty();
        }
        File kept = files.get(name);
        if (kept != null) {
            return Optional.of(kept);
        }
        Optional<File> read = read(name, type);
        read.ifPresent(f -> files.putIfAbsent(name, f));
        return read;
    }

    /** How many files are kept (for tests). */
    int kept() {
        return files.size();
    }

    private static Optional<File> read(String name, String type) {
        URL url = PageServlet.class.getResource(name);
        if (url == null) {
            return Optional.empty();
        }
        try (InputStream in = url.openStream()) {
            byte[] bytes = in.readAllBytes();
            return Optional.of(new File(bytes, type, etag(bytes)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String etag(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
            StringBuilder sb = new StringBuilder("\"");
            for (int i = 0; i < 12; i++) {
                sb.append(Character.forDigit((digest[i] >> 4) & 0xF, 16)).append(Character.forDigit(digest[i] & 0xF, 16));
            }
            return sb.append('"').toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether an {@code If-None-Match} header names the ETag (or is {@code *}). */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String c = candidate.trim();
            if (c.startsWith("W/")) {
                c = c.substring(2);
            }
            if (c.equals("*") || c.equals(etag)) {
                return true;
            }
        }
        return false;
    }
}
