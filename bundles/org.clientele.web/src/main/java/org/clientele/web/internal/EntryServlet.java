package org.clientele.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.HttpWhiteboardConstants;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The page's entry points: {@code /clientele/} answers with {@code index.html} (a resource
 * registration alone would see a directory there) and {@code /clientele} redirects to
 * {@code /clientele/}, so that the page's relative module paths resolve. Exact patterns
 * win over the resources' prefix pattern.
 * <p>
 * Selects the default context by name ({@link #DEFAULT_CONTEXT}), see {@link WebResources}.
 */
@Component(service = Servlet.class, name = "org.clientele.web.entry")
@HttpWhiteboardContextSelect(EntryServlet.DEFAULT_CONTEXT)
@HttpWhiteboardServletPattern({"/clientele", "/clientele/"})
@HttpWhiteboardServletName("clientele-web-entry")
public final class EntryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String INDEX = "/web/index.html";

    /**
     * The whiteboard's default context, selected by name: the spec's default when no selector is
     * given, but with an explicit selector pax-web 8 waits until that context is registered in
     * the server (see {@link WebResources}).
     */
    static final String DEFAULT_CONTEXT = "(" + HttpWhiteboardConstants.HTTP_WHITEBOARD_CONTEXT_NAME + "="
            + HttpWhiteboardConstants.HTTP_WHITEBOARD_DEFAULT_CONTEXT_NAME + ")";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String target = target(request.getRequestURI());
        if (target != null) {
            String query = request.getQueryString();
            response.setStatus(HttpServletResponse.SC_MOVED_PERMANENTLY);
            response.setHeader("Location", query == null ? target : target + "?" + query);
            return;
        }
        URL index = EntryServlet.class.getResource(INDEX);
        if (index == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/html;charset=UTF-8");
        // the page is small and changes with the bundle: always revalidate
        response.setHeader("Cache-Control", "no-cache");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Content-Security-Policy", CSP);
        try (InputStream in = index.openStream(); OutputStream out = response.getOutputStream()) {
            in.transferTo(out);
        }
    }

    @Override
    protected void doHead(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doGet(request, response);
    }

    /** Only our own files and the API: no inline script, no third-party origin. */
    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /** Where to redirect a request for the given URI, or null to serve the page. */
    static String target(String requestUri) {
        if (requestUri == null || requestUri.endsWith("/")) {
            return null;
        }
        return requestUri + "/";
    }
}
