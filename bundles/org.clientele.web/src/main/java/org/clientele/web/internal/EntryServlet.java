package org.clientele.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;

import javax.servlet.Servlet;
import javax.servlet.ServletContext;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * The page's entry points: {@code /clientele/} answers with {@code index.html} (a resource
 * registration alone would see a directory there) and {@code /clientele} redirects to
 * {@code /clientele/}, so that the page's relative module paths resolve. Exact patterns
 * win over the resources' prefix pattern.
 * <p>
 * Registered only once the whiteboard's default context runs (the {@link ServletContext}
 * service pax-web publishes for it), see {@link WebResources}.
 */
@Component(service = Servlet.class, name = "org.clientele.web.entry")
@HttpWhiteboardServletPattern({"/clientele", "/clientele/"})
@HttpWhiteboardServletName("clientele-web-entry")
public final class EntryServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    static final String INDEX = "/web/index.html";

    /** The running default whiteboard context, as pax-web publishes it (OSGi Web Applications 128.3.4). */
    static final String DEFAULT_CONTEXT = "(&(osgi.web.contextpath=/)(osgi.web.contextname=default))";

    @Reference(target = DEFAULT_CONTEXT)
    private transient ServletContext defaultContext;

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
