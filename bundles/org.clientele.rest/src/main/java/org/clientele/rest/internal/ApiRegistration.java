package org.clientele.rest.internal;

import java.util.Hashtable;

import javax.servlet.ServletException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the {@link ApiServlet} at {@code /api} (so {@code /api/*}) with the HTTP service, for as
 * long as both are there.
 * <p>
 * Not through the HTTP whiteboard: pax-web 8.0.34's whiteboard extender resolves a servlet
 * service's context and adds the servlet in two separate steps
 * ({@code AbstractElementTracker.addingService}: {@code resolveContexts}, then
 * {@code addWebElement}, each taking the extender's lock on its own). A servlet service that
 * arrives while the extender is binding the HTTP service resolves no context (the default one is
 * not marked registered yet), then is added after the extender has re-resolved all elements it
 * knew, and stays unregistered: {@code /api} answered 404 for good (boot 12 of 24 of a CI boot
 * check, "No matching target context(s) for Whiteboard element … clientele-api"). No service
 * property of ours closes that window. {@link HttpService#registerServlet} is one synchronous call
 * into the runtime: when it returns, the servlet is registered (or it throws).
 */
@Component(name = "org.clientele.rest.registration")
public final class ApiRegistration {
    private static final Logger LOG = LoggerFactory.getLogger(ApiRegistration.class);
    /** Where the API lives: the servlet gets {@code /api} and everything under it. */
    static final String ALIAS = "/api";
    /** The servlet's name in the HTTP runtime (pax-web's {@code servlet-name} init parameter). */
    static final String NAME = "clientele-api";

    private final HttpService http;

    @Activate
    public ApiRegistration(@Reference HttpService http, @Reference ApiServlet servlet)
            throws ServletException, NamespaceException {
        this.http = http;
        Hashtable<String, String> init = new Hashtable<>();
        init.put("servlet-name", NAME);
        try {
            http.registerServlet(ALIAS, servlet, init, null);
        } catch (NamespaceException e) {
            LOG.error("Cannot serve the API: {} is already taken in the HTTP service", ALIAS);
            throw e;
        }
    }

    @Deactivate
    void deactivate() {
        try {
            http.unregister(ALIAS);
        } catch (IllegalArgumentException e) {
            // the HTTP service already dropped it (it is being stopped itself)
        }
    }
}
