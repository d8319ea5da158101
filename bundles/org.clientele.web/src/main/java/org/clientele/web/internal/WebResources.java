package org.clientele.web.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * The page's static files (HTML, CSS, JavaScript modules under {@code /web} in this bundle)
 * at {@code /clientele/*}. The whiteboard serves them; this component only carries the
 * registration, so the files come and go with the bundle.
 */
@Component(service = WebResources.class, name = "org.clientele.web.resources")
@HttpWhiteboardResource(pattern = "/clientele/*", prefix = "/web")
public final class WebResources {
}
