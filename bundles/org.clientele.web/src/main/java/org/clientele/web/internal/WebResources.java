package org.clientele.web.internal;

import javax.servlet.ServletContext;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The page's static files (HTML, CSS, JavaScript modules under {@code /web} in this bundle)
 * at {@code /clientele/*}. The whiteboard serves them; this component only carries the
 * registration, so the files come and go with the bundle.
 * <p>
 * It waits for the whiteboard's default context to be running ({@link EntryServlet#DEFAULT_CONTEXT}):
 * registered while that context was being set up, a whiteboard element can be left without a
 * context for good (seen once, boot 16 of a CI boot check: pax-web 8.0.34 logged "No matching target
 * context(s)" for the entry servlet and never registered it, so {@code /clientele/} answered 403).
 */
@Component(service = WebResources.class, name = "org.clientele.web.resources")
@HttpWhiteboardResource(pattern = "/clientele/*", prefix = "/web")
public final class WebResources {
    @Reference(target = EntryServlet.DEFAULT_CONTEXT)
    private ServletContext defaultContext;
}
