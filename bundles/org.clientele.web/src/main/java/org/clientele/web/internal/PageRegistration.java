package org.clientele.web.internal;

import java.util.Hashtable;

import javax.servlet.ServletException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.HttpService;
import org.osgi.service.http.NamespaceException;

/**
 * Puts the page ({@link PageServlet}) at {@code /clientele} with the HTTP service while there is
 * one. Not on the HTTP whiteboard, for the same reason as the API servlet
 * ({@code org.clientele.rest}'s {@code ApiRegistration}): pax-web 8.0.34's whiteboard extender
 * can leave an element that arrives while it binds the HTTP service without a context for good
 * (two CI boot checks: {@code /clientele/} answered 403, then 404); a registration with the HTTP
 * service is one synchronous call.
 */
@Component(name = "org.clientele.web")
public final class PageRegistration {
    static final String ALIAS = "/clientele";
    /** The servlet's name in the HTTP runtime (pax-web's {@code servlet-name} init parameter). */
    static final String NAME = "clientele-web";

    private final HttpService http;

    @Activate
    public PageRegistration(@Reference HttpService http) throws ServletException, NamespaceException {
        this.http = http;
        Hashtable<String, String> init = new Hashtable<>();
        init.put("servlet-name", NAME);
        http.registerServlet(ALIAS, new PageServlet(), init, null);
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
