package org.clientele.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.servlet.ServletOutputStream;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.Test;

public class PageServletTest {

    @Test
    public void redirectsTheBarePathOnlyKeepingTheQuery() throws Exception {
        Answer bare = get("/clientele", null, null, null);
        assertEquals(301, bare.status);
        assertEquals("/clientele/", bare.headers.get("Location"));
        assertEquals("/clientele/?lang=de", get("/clientele", null, "lang=de", null).headers.get("Location"));
    }

    @Test
    public void servesTheIndexWithItsPolicyAndEveryKindOfFileWithItsType() throws Exception {
        Answer index = get("/clientele/", "/", null, null);
        assertEquals(200, index.status);
        assertEquals("text/html;charset=UTF-8", index.type);
        assertEquals(PageServlet.CSP, index.headers.get("Content-Security-Policy"));
        assertEquals("nosniff", index.headers.get("X-Content-Type-Options"));
        assertEquals("no-cache", index.headers.get("Cache-Control"));
        assertEquals(read(PageServlet.INDEX), index.body());
        assertEquals(index.body(), get("/clientele/index.html", "/index.html", null, null).body());

        Answer module = get("/clientele/js/app.js", "/js/app.js", null, null);
        assertEquals(200, module.status);
        assertEquals("text/javascript;charset=UTF-8", module.type);
        assertEquals(read("/web/js/app.js"), module.body());
        assertNull("the policy is the HTML's", module.headers.get("Content-Security-Policy"));
        assertEquals("text/css;charset=UTF-8", get("/clientele/css/app.css", "/css/app.css", null, null).type);
        assertEquals("image/svg+xml", get("/clientele/img/icon.svg", "/img/icon.svg", null, null).type);
    }

    @Test
    public void aRevalidationWithTheETagIsAnswered304WithoutBody() throws Exception {
        Answer first = get("/clientele/js/api.js", "/js/api.js", null, null);
        String etag = first.headers.get("ETag");
        assertTrue(etag, etag.matches("\"[0-9a-f]{24}\""));
        Answer again = get("/clientele/js/api.js", "/js/api.js", null, "\"other\", " + etag);
        assertEquals(304, again.status);
        assertEquals(0, again.bytes.size());
        assertEquals(200, get("/clientele/js/api.js", "/js/api.js", null, "\"other\"").status);
        assertTrue("another file, another tag", !etag.equals(get("/clientele/js/app.js", "/js/app.js", null, null)
                .headers.get("ETag")));
    }

    /** Nothing but the page's own files: no way out of /web, no class files, no directories. */
    @Test
    public void nothingOutsideThePagesFilesIsServed() throws Exception {
        for (String path : new String[] {"/../org/clientele/web/internal/PageServlet.class", "/js/../index.html",
            "/./index.html", "/js/", "/js", "//index.html", "/.hidden.js", "/js/.app.js", "/missing.js",
            "/index.html.bak", "/index", "/META-INF/MANIFEST.MF", "/js/app.js%00.html", "/js\\app.js"}) {
            Answer a = get("/clientele" + path, path, null, null);
            assertEquals(path, 404, a.status);
            assertEquals(path, 0, a.bytes.size());
        }
    }

    @Test
    public void onlyFilesThatExistAreKept() {
        PageServlet servlet = new PageServlet();
        for (int i = 0; i < 1000; i++) {
            assertTrue(servlet.resource("/missing-" + i + ".js").isEmpty());
        }
        assertEquals(0, servlet.kept());
        assertTrue(servlet.resource("/js/app.js").isPresent());
        assertTrue(servlet.resource("/js/app.js").isPresent());
        assertEquals(1, servlet.kept());
    }

    @Test
    public void everyModuleTheIndexLoadsIsInTheBundle() throws IOException {
        String index = read(PageServlet.INDEX);
        assertTrue(index.contains("type=\"module\""));
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"").matcher(index);
        int found = 0;
        while (m.find()) {
            assertNotNull("missing " + m.group(1), PageServlet.class.getResource("/web/" + m.group(1)));
            found++;
        }
        assertTrue(found >= 2);
    }

    @Test
    public void modulesImportOnlyFilesThatExistAndNothingRemote() throws IOException {
        String[] modules = {"app.js", "api.js", "i18n.js", "dom.js", "list.js", "profile.js", "blocks.js",
            "dialog.js", "importer.js", "clientform.js", "status.js"};
        Pattern imports = Pattern.compile("from\\s+'([^']+)'");
        for (String module : modules) {
            String text = read("/web/js/" + module);
            assertTrue(module + " loads something remote", !text.contains("http://") && !text.contains("https://")
                    || text.contains("// remote-free"));
            Matcher m = imports.matcher(text);
            while (m.find()) {
                String target = m.group(1);
                assertTrue(module + " imports " + target, target.startsWith("./"));
                assertNotNull(module + " imports a missing " + target,
                        PageServlet.class.getResource("/web/js/" + target.substring(2)));
            }
        }
    }

    @Test
    public void onlyTheLanguageChoiceIsStoredInTheBrowser() throws IOException {
        Pattern storage = Pattern.compile("(local|session)Storage\\s*\\.");
        for (String module : new String[] {"api.js", "app.js", "list.js", "profile.js", "importer.js", "dialog.js",
            "blocks.js", "clientform.js", "status.js", "dom.js"}) {
            assertTrue(module + " uses web storage", !storage.matcher(read("/web/js/" + module)).find());
        }
        Matcher i18n = storage.matcher(read("/web/js/i18n.js"));
        int uses = 0;
        while (i18n.find()) {
            assertEquals("localStorage.", i18n.group().replaceAll("\\s", ""));
            uses++;
        }
        assertEquals("read and write the language", 2, uses);
    }

    /**
     * Every request leaves the browser's own credentials out: then a 401 with WWW-Authenticate
     * raises no browser login dialog (checked with Chromium 156: an auth challenge for the
     * default mode, none for 'omit'), and the page shows its sign-in form instead.
     */
    @Test
    public void onlyTheApiModuleFetchesAndAlwaysWithoutBrowserCredentials() throws IOException {
        for (String module : new String[] {"app.js", "list.js", "profile.js", "importer.js", "dialog.js", "blocks.js",
            "clientform.js", "status.js", "dom.js", "i18n.js"}) {
            assertTrue(module, !read("/web/js/" + module).contains("fetch("));
        }
        String api = read("/web/js/api.js");
        int fetches = api.split("await fetch\\(", -1).length - 1;
        int omitted = api.split("credentials: 'omit'", -1).length - 1;
        assertEquals(2, fetches);
        assertEquals(fetches, omitted);
    }

    /** What the servlet answered. */
    static final class Answer {
        int status = 200;
        int length = -1;
        String type;
        final Map<String, String> headers = new HashMap<>();
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        String body() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    /** A GET of {@code uri} (path info {@code pathInfo}) as the HTTP service hands it to the servlet. */
    private static Answer get(String uri, String pathInfo, String query, String ifNoneMatch) throws Exception {
        Answer answer = new Answer();
        HttpServletRequest request = (HttpServletRequest) Proxy.newProxyInstance(PageServletTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getRequestURI" -> uri;
                    case "getPathInfo" -> pathInfo;
                    case "getQueryString" -> query;
                    case "getMethod" -> "GET";
                    case "getHeader" -> "If-None-Match".equalsIgnoreCase((String) args[0]) ? ifNoneMatch : null;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public void write(int b) {
                answer.bytes.write(b);
            }

            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
                throw new UnsupportedOperationException();
            }
        };
        HttpServletResponse response = (HttpServletResponse) Proxy.newProxyInstance(
                PageServletTest.class.getClassLoader(), new Class<?>[] {HttpServletResponse.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "setStatus" -> answer.status = (Integer) args[0];
                        case "sendError" -> answer.status = (Integer) args[0];
                        case "setHeader" -> answer.headers.put((String) args[0], (String) args[1]);
                        case "setContentType" -> answer.type = (String) args[0];
                        case "setContentLength" -> answer.length = (Integer) args[0];
                        case "getOutputStream" -> {
                            return out;
                        }
                        default -> throw new UnsupportedOperationException(method.getName());
                    }
                    return null;
                });
        new PageServlet().doGet(request, response);
        if (answer.status == 200) {
            assertEquals(uri, answer.bytes.size(), answer.length);
        }
        return answer;
    }

    private static String read(String path) throws IOException {
        try (InputStream in = PageServlet.class.getResourceAsStream(path)) {
            assertNotNull(path, in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
