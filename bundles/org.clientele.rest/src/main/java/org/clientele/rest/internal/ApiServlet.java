package org.clientele.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;

import org.clientele.api.ClientService;
import org.clientele.api.TaxIdValidator;
import org.clientele.api.spi.ApiResource;
import org.clientele.rest.internal.auth.AuthFilter;
import org.clientele.rest.internal.auth.JaasAuthenticator;
import org.glassfish.jersey.CommonProperties;
import org.glassfish.jersey.inject.hk2.Hk2InjectionManagerFactory;
import org.glassfish.jersey.internal.inject.AbstractBinder;
import org.glassfish.jersey.media.multipart.MultiPartFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.filter.RolesAllowedDynamicFeature;
import org.glassfish.jersey.servlet.ServletContainer;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Jersey application under {@code /api/*}, registered on the HTTP whiteboard. It comes
 * and goes with the services it needs. {@link ApiResource} services (the module's own
 * overview and tab resources, extension bundles' resources) are served as they come and
 * go: each change reloads the application, which Jersey does without dropping requests.
 */
@Component(service = Servlet.class, name = "org.clientele.rest")
@HttpWhiteboardServletPattern("/api/*")
@HttpWhiteboardServletName("clientele-api")
@Designate(ocd = RestConfig.class)
public final class ApiServlet extends ServletContainer {
    private static final long serialVersionUID = 1L;

    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);

    private static final BundlesClassLoader JERSEY_LOADER = new BundlesClassLoader(ApiServlet.class,
            ServletContainer.class, ResourceConfig.class, CommonProperties.class, Hk2InjectionManagerFactory.class,
            JacksonJsonProvider.class, MultiPartFeature.class);

    private final transient BundlesClassLoader jerseyLoader;
    private final transient ClientService clients;
    private final transient TaxIdValidator taxIds;
    private final transient RestConfig config;
    /** Guards {@link #resources} and {@link #initialized}; reloads happen under it, one at a time. */
    private final transient Object lock = new Object();
    private final transient List<ApiResource> resources = new ArrayList<>();
    private boolean initialized;

    @Activate
    public ApiServlet(@Reference ClientService clients, @Reference TaxIdValidator taxIds, RestConfig config) {
        super(JERSEY_LOADER.call(() -> application(clients, taxIds, config, List.of())));
        this.jerseyLoader = JERSEY_LOADER;
        this.clients = clients;
        this.taxIds = taxIds;
        this.config = config;
    }

    @Reference(service = ApiResource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addResource(ApiResource resource) {
        synchronized (lock) {
            resources.add(resource);
            if (initialized) {
                serve(resource);
            }
        }
    }

    void removeResource(ApiResource resource) {
        synchronized (lock) {
            if (resources.remove(resource) && initialized) {
                serve(null);
            }
        }
    }

    /**
     * Serves the current resources. When the application cannot be built with a newly
     * arrived resource (say, its paths clash with others), that resource is left out and
     * the rest keep working.
     */
    private void serve(ApiResource arrived) {
        try {
            List<ApiResource> current = List.copyOf(resources);
            jerseyLoader.run(() -> reload(application(clients, taxIds, config, current)));
        } catch (RuntimeException e) {
            if (arrived == null) {
                throw e;
            }
            LOG.error("Cannot serve {} under /api, leaving it out: {}", arrived.getClass().getName(), e.toString());
            resources.remove(arrived);
            serve(null);
        }
    }

    static ResourceConfig application(ClientService clients, TaxIdValidator taxIds, RestConfig config,
            List<ApiResource> extra) {
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
        rc.register(MultiPartFeature.class);
        // resources as classes bound to ready instances: registering the instances directly
        // works too, but makes Jersey 2 log a misleading "will be ignored" warning for each
        ClientResource clientResource = new ClientResource(clients, json);
        TaxIdResource taxIdResource = new TaxIdResource(taxIds);
        HealthResource healthResource = new HealthResource(clients);
        rc.register(ClientResource.class);
        rc.register(TaxIdResource.class);
        rc.register(HealthResource.class);
        for (ApiResource r : extra) {
            rc.register(r.getClass());
        }
        rc.register(new AbstractBinder() {
            @Override
            @SuppressWarnings({"unchecked", "rawtypes"})
            protected void configure() {
                bind(clientResource).to(ClientResource.class);
                bind(taxIdResource).to(TaxIdResource.class);
                bind(healthResource).to(HealthResource.class);
                for (ApiResource r : extra) {
                    bind(r).to((Class) r.getClass());
                }
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
        synchronized (lock) {
            initialized = true;
            if (!resources.isEmpty()) {
                serve(null);
            }
        }
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
        synchronized (lock) {
            initialized = false;
        }
        jerseyLoader.run(super::destroy);
    }
}
