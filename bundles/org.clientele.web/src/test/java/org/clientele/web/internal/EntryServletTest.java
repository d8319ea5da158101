package org.clientele.web.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.Test;

public class EntryServletTest {

    @Test
    public void redirectsTheBarePathOnly() {
        assertEquals("/clientele/", EntryServlet.target("/clientele"));
        assertNull(EntryServlet.target("/clientele/"));
    }

    @Test
    public void everyModuleTheIndexLoadsIsInTheBundle() throws IOException {
        String index = read(EntryServlet.INDEX);
        assertTrue(index.contains("type=\"module\""));
        Matcher m = Pattern.compile("(?:src|href)=\"([^\"#:]+)\"").matcher(index);
        int found = 0;
        while (m.find()) {
            assertNotNull("missing " + m.group(1), EntryServlet.class.getResource("/web/" + m.group(1)));
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
                        EntryServlet.class.getResource("/web/js/" + target.substring(2)));
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

    private static String read(String path) throws IOException {
        try (InputStream in = EntryServlet.class.getResourceAsStream(path)) {
            assertNotNull(path, in);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
