package org.clientele.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The page's static files (HTML, CSS, JavaScript modules under {@code /web} in this bundle)
 * at {@code /clientele/*}. The whiteboard serves them; this component only carries the
 * registration, so the files come and go with the bundle.
 * <p>
 * Both of the page's whiteboard elements select the default context by name
 * ({@link EntryServlet#DEFAULT_CONTEXT}) instead of relying on the spec's default. pax-web 8.0.34
 * gives an element without a selector the default context even while that context is not yet
 * registered in the server, and never registers it afterwards (a CI boot check, boot 16 of 20:
 * "No matching target context(s)" for the entry servlet, {@code /clientele/} answered 403). With a
 * selector, it skips a context that is not registered yet and registers the element once it is
 * ({@code WhiteboardExtenderContext.resolveContexts} and {@code reRegisterWebElements}).
 * <p>
 * They used to wait for the {@code ServletContext} service pax-web publishes once the default
 * context runs. That service is registered from inside the context's start, so the components
 * were activated, and their services tracked, re-entrantly in pax-web's configuration thread;
 * one CI boot of 24 then answered 404 for {@code /clientele/} (neither element serving: the
 * resources alone answer 403 there). Its log was not kept, so that cause is inferred, not seen.
 */
@Component(service = WebResources.class, name = "org.clientele.web.resources")
@HttpWhiteboardContextSelect(EntryServlet.DEFAULT_CONTEXT)
@HttpWhiteboardResource(pattern = "/clientele/*", prefix = "/web")
public final class WebResources {
}
