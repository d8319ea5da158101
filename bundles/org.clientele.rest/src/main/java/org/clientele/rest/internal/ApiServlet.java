package org.clientele.rest.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

import javax.servlet.GenericServlet;
import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;

import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The API under {@code /api/*}; {@link ApiRegistration} registers it with the HTTP service, and
 * it comes and goes with the services it needs. Requests go to a Jersey application built from
 * the module's resources and every {@link ApiResource} service (the overview and tab resources,
 * extension bundles' resources). When such services come or go, a new application is built next
 * to the serving one (changes within {@value #SETTLE_MILLIS} ms are taken together), then takes
 * over new requests; the old one finishes the requests it has and is destroyed after the last.
 * So a request never meets an application being torn down, and an extension's endpoints appear
 * and disappear with its services.
 * <p>
 * The servlet does not wait for the {@link ClientService}: while there is none (the module
 * starting, {@code bundle:restart} of the persistence bundle, the database's DataSource
 * replaced) every request under {@code /api} gets {@code 503} with a {@code Retry-After}
 * header, as a problem document, and {@code /api/health} its {@code DOWN} body, instead of the
 * HTTP server's HTML 404 for a path nobody serves. A client service that comes (back) is
 * taken like a resource change.
 * <p>
 * It is a service of its own type, not a {@code javax.servlet.Servlet} service, so the HTTP
 * whiteboard does not track it (see {@link ApiRegistration} for why). The servlet container may
 * destroy and initialise it again while the component lives (pax-web restarts the root context
 * when another registration there comes or goes); only the component's deactivation ends it for
 * good.
 */
@Component(service = ApiServlet.class, name = "org.clientele.rest")
@Designate(ocd = RestConfig.class)
public final class ApiServlet extends GenericServlet {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ApiServlet.class);
    /** How long to wait for more resource changes before building a new application. */
    static final long SETTLE_MILLIS = 100;

    private static final BundlesClassLoader JERSEY_LOADER = new BundlesClassLoader(ApiServlet.class,
            ServletContainer.class, ResourceConfig.class, CommonProperties.class, Hk2InjectionManagerFactory.class,
            JacksonJsonProvider.class, MultiPartFeature.class);

    /**
     * The client service while there is one; written under {@link #lock}, read by requests
     * too, so that none reaches an application whose client service is gone before the
     * application without it has taken over.
     */
    private transient volatile ClientService clients;
    private final transient TaxIdValidator taxIds;
    private final transient RestConfig config;
    private final transient ScheduledExecutorService builder;

    /** Guards {@link #resources}, {@link #rejected}, {@link #servletConfig} and {@link #pending}. */
    private final transient Object lock = new Object();
    private final transient Set<ApiResource> resources = new LinkedHashSet<>();
    /** Resources that could not be served (say, their paths clash); not tried again until they come back. */
    private final transient Set<ApiResource> rejected = new HashSet<>();
    private transient ServletConfig servletConfig;
    private transient ScheduledFuture<?> pending;
    /** Builds run one at a time. */
    private final transient Object building = new Object();
    private transient volatile Application current;

    @Activate
    public ApiServlet(@Reference TaxIdValidator taxIds, RestConfig config) {
        this.taxIds = taxIds;
        this.config = config;
        this.builder = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clientele-api-builder");
            t.setDaemon(true);
            return t;
        });
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void setClients(ClientService service) {
        synchronized (lock) {
            clients = service;
            scheduleBuild(0);
        }
    }

    void unsetClients(ClientService service) {
        synchronized (lock) {
            if (clients == service) { // a greedy replacement is bound before the old one is unbound
                clients = null;
                // at once: the application would pass requests on to a service that is gone
                scheduleBuild(0);
            }
        }
    }

    @Reference(service = ApiResource.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    void addResource(ApiResource resource) {
        synchronized (lock) {
            resources.add(resource);
            scheduleBuild(SETTLE_MILLIS);
        }
    }

    void removeResource(ApiResource resource) {
        synchronized (lock) {
            resources.remove(resource);
            rejected.remove(resource);
            // at once: the old application would pass requests on to a resource whose services are gone
            scheduleBuild(0);
        }
    }

    /** Under {@link #lock}: a build after {@code delayMillis}, or sooner when one is waiting to start anyway. */
    private void scheduleBuild(long delayMillis) {
        if (servletConfig == null || builder.isShutdown()) {
            return; // init() builds the first application
        }
        if (pending != null && !pending.isDone() && pending.getDelay(TimeUnit.MILLISECONDS) > 0) {
            // still waiting, so it will see this change: keep it unless it waits too long
            if (pending.getDelay(TimeUnit.MILLISECONDS) <= delayMillis) {
                return;
            }
            pending.cancel(false); // if it started meanwhile, the one scheduled below follows it
        }
        // none waiting, or one running that may have read the resources before this change
        pending = builder.schedule(this::rebuild, delayMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void init() throws ServletException {
        synchronized (lock) {
            servletConfig = getServletConfig();
        }
        rebuild();
        if (current == null) {
            throw new ServletException("The API application could not be built; see the log");
        }
    }

    /** Builds an application of the current resources and lets it take over. */
    private void rebuild() {
        synchronized (building) {
            List<ApiResource> wanted;
            ServletConfig sc;
            ClientService service;
            synchronized (lock) {
                sc = servletConfig;
                service = clients;
                wanted = resources.stream().filter(r -> !rejected.contains(r)).toList();
            }
            if (sc == null) {
                return;
            }
            Application next = service == null ? Application.UNAVAILABLE : build(sc, service, wanted);
            if (next == null) {
                return;
            }
            Application old = current;
            current = next;
            if (old != null && old != Application.UNAVAILABLE) {
                retire(old);
            }
        }
    }

    /**
     * An application serving {@code wanted}; when that fails, one serving those of them that
     * work, each left-out resource named in the log.
     */
    private Application build(ServletConfig sc, ClientService service, List<ApiResource> wanted) {
        try {
            return start(sc, service, wanted);
        } catch (ServletException | RuntimeException e) {
            if (wanted.isEmpty()) {
                LOG.error("The API application cannot be built", e);
                return null;
            }
            LOG.warn("The API application cannot be built with all {} extra resources ({}); trying them one by one",
                    wanted.size(), e.toString());
        }
        List<ApiResource> working = new ArrayList<>();
        for (ApiResource r : wanted) {
            List<ApiResource> candidate = new ArrayList<>(working);
            candidate.add(r);
            try {
                start(sc, service, candidate).destroyNow();
                working.add(r);
            } catch (ServletException | RuntimeException e) {
                LOG.error("Cannot serve {} under /api, leaving it out: {}", r.getClass().getName(), e.toString());
                synchronized (lock) {
                    rejected.add(r);
                }
            }
        }
        try {
            return start(sc, service, working);
        } catch (ServletException | RuntimeException e) {
            LOG.error("The API application cannot be built", e);
            return null;
        }
    }

    private Application start(ServletConfig sc, ClientService service, List<ApiResource> extra)
            throws ServletException {
        ServletContainer container = JERSEY_LOADER.call(
                () -> new ServletContainer(application(service, taxIds, config, extra)));
        JERSEY_LOADER.run(() -> container.init(sc));
        return new Application(container);
    }

    /** Destroys {@code old} once its last request is done, on a thread of its own. */
    private static void retire(Application old) {
        Thread t = new Thread(old::destroyWhenIdle, "clientele-api-retire");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void service(ServletRequest req, ServletResponse res) throws ServletException, IOException {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(JERSEY_LOADER);
        try {
            while (true) {
                Application app = current;
                if (app == null || app == Application.UNAVAILABLE || clients == null) { // no application, or no client service
                    Unavailable.answer((HttpServletRequest) req, (HttpServletResponse) res);
                    return;
                }
                if (app.enter()) {
                    try {
                        app.container.service(req, res);
                    } finally {
                        app.exit();
                    }
                    return;
                }
                // app was retired between reading it and entering it: the new one is current now
            }
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @Override
    public void destroy() {
        synchronized (lock) {
            servletConfig = null; // no builds until init() again
            if (pending != null) {
                pending.cancel(false);
                pending = null;
            }
        }
        synchronized (building) {
            Application app = current;
            current = null;
            if (app != null && app != Application.UNAVAILABLE) {
                app.destroyWhenIdle();
            }
        }
    }

    /** The component is gone: no more builds, ever. */
    @Deactivate
    void deactivate() {
        synchronized (lock) {
            builder.shutdownNow();
        }
    }

    /** One built Jersey application and the requests inside it. */
    static final class Application {
        /** Stands for "no client service": requests are answered by {@link Unavailable}. */
        static final Application UNAVAILABLE = new Application(null);
        final ServletContainer container;
        private final ReentrantReadWriteLock inside = new ReentrantReadWriteLock();
        private boolean destroyed; // guarded by inside

        Application(ServletContainer container) {
            this.container = container;
        }

        /** Enters a request; false when the application is (being) destroyed. */
        boolean enter() {
            if (!inside.readLock().tryLock()) {
                return false;
            }
            if (destroyed) {
                inside.readLock().unlock();
                return false;
            }
            return true;
        }

        void exit() {
            inside.readLock().unlock();
        }

        /** Waits for the requests inside to finish, then destroys the application. */
        void destroyWhenIdle() {
            inside.writeLock().lock();
            try {
                destroyed = true;
            } finally {
                inside.writeLock().unlock();
            }
            destroyNow();
        }

        void destroyNow() {
            if (container != null) {
                JERSEY_LOADER.run(container::destroy);
            }
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
        rc.register(new RootTemplates());
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
}
