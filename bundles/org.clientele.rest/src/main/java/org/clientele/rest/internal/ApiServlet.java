package org.clientele.rest.internal;

import java.io.IOException;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

import org.clientele.api.ClientService;
import org.clientele.api.TaxIdValidator;
import org.clientele.rest.internal.auth.AuthFilter;
import org.clientele.rest.internal.auth.JaasAuthenticator;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.inject.hk2.Hk2InjectionManagerFactory;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;

/**
 * The Jersey application under {@code /api/*}, registered on the HTTP whiteboard. It comes
 * and goes with the services it needs.
 */
@Component(service = Servlet.class, name = "org.clientele.rest")
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("clientele-api")
@Designate(ocd = RestConfig.class)
public final class ApiServlet extends ServletContainer {
    private static final long serialVersionUID = 1L;

    private static final BundlesClassLoader JERSEY_LOADER = new BundlesClassLoader(ApiServlet.class,
            ServletContainer.class, ResourceConfig.class, CommonProperties.class, Hk2InjectionManagerFactory.class,
            JacksonJsonProvider.class);

    private final transient BundlesClassLoader jerseyLoader;

    @Activate
    public ApiServlet(@Reference ClientService clients, @Reference TaxIdValidator taxIds, RestConfig config) {
        super(JERSEY_LOADER.call(() -> application(clients, taxIds, config)));
        this.jerseyLoader = JERSEY_LOADER;
    }

    static ResourceConfig application(ClientService clients, TaxIdValidator taxIds, RestConfig config) {
        ObjectMapper json = mapper(config.maxBodyBytes());
        JaasAuthenticator authenticator = new JaasAuthenticator(config.realm(), config.authCacheSeconds() * 1000L,
                System::currentTimeMillis);
        ResourceConfig rc = new ResourceConfig();
        rc.setClassLoader(JERSEY_LOADER);
        rc.addProperties(Map.of(
                ServerProperties.WADL_FEATURE_DISABLE, true,
                ServerProperties.BV_FEATURE_DISABLE, true,
                CommonProperties.FEATURE_AUTO_DISCOVERY_DISABLE, true,
                CommonProperties.METAINF_SERVICES_LOOKUP_DISABLE, true,
                ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true));
        rc.register(new JacksonJsonProvider(json));
        rc.register(new ProblemMapper());
        rc.register(new BodyLimitFilter(config.maxBodyBytes()));
        rc.register(new AuthFilter(authenticator));
        rc.register(RolesAllowedDynamicFeature.class);
        // resources as classes bound to ready instances: registering the instances directly
        // works too, but makes Jersey 2 log a misleading "will be ignored" warning for each
        ClientResource clientResource = new ClientResource(clients, json);
        TaxIdResource taxIdResource = new TaxIdResource(taxIds);
        HealthResource healthResource = new HealthResource(clients);
        rc.register(ClientResource.class);
        rc.register(TaxIdResource.class);
        rc.register(HealthResource.class);
        rc.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(clientResource).to(ClientResource.class);
                bind(taxIdResource).to(TaxIdResource.class);
                bind(healthResource).to(HealthResource.class);
            }
        });
        return rc;
    }

    static ObjectMapper mapper(int maxBodyBytes) {
        ObjectMapper m = new ObjectMapper();
        m.registerModule(new JavaTimeModule());
        m.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        m.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxDocumentLength(maxBodyBytes).maxStringLength(maxBodyBytes).maxNestingDepth(32).build());
        return m;
    }

    @Override
    public void init() throws ServletException {
        jerseyLoader.run(super::init);
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(jerseyLoader);
        try {
            super.service(req, res);
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @Override
    public void destroy() {
        jerseyLoader.run(super::destroy);
    }
}
