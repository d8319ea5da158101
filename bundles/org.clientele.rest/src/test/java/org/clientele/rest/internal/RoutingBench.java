package org.clientele.rest.internal;

import java.net.URI;
import java.util.UUID;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.glassfish.jersey.internal.MapPropertiesDelegate;
import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerRequest;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * What {@link RootTemplates} saves: Jersey handling {@code GET /clients/{id}} (a random UUID) and
 * {@code GET /health} in process, against the root templates the distribution has (the module's
 * and the shipped extensions' paths, trivial methods), without and with the processor. Prints
 * nanoseconds per request, rounds of 200,000 each. Not a test; run by {@code bench.sh}.
 */
public final class RoutingBench {
    private static final URI BASE = URI.create("http://localhost/");

    private RoutingBench() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 200_000;
        String client = "/clients/" + UUID.randomUUID();
        ApplicationHandler plain = handler(false);
        ApplicationHandler possessive = handler(true);
        for (int round = 0; round < rounds; round++) {
            System.out.printf("round %d: GET /clients/{id} plain %,d ns, possessive %,d ns; GET /health plain %,d ns,"
                    + " possessive %,d ns%n", round, run(plain, client, requests), run(possessive, client, requests),
                    run(plain, "/health", requests), run(possessive, "/health", requests));
        }
    }

    private static ApplicationHandler handler(boolean withProcessor) {
        ResourceConfig rc = new ResourceConfig(RootTemplatesTest.Clients.class, Health.class, Overview.class, RootTemplatesTest.Tabs.class, Files.class,
                Projects.class, Tasks.class, Deals.class, Orders.class, Quotes.class, Invoices.class, Imports.class,
                Export.class, TaxIds.class, AllFiles.class, AllProjects.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true);
        if (withProcessor) {
            rc.register(new RootTemplates());
        }
        return new ApplicationHandler(rc);
    }

    private static long run(ApplicationHandler handler, String path, int requests) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < requests; i++) {
            if (handler.apply(get(path)).get().getStatus() != 200) {
                throw new IllegalStateException("not 200: " + path);
            }
        }
        return (System.nanoTime() - start) / requests;
    }

    /** A GET of {@code path} (under the application's root) as Jersey's servlet container hands it over. */
    static ContainerRequest get(String path) {
        return new ContainerRequest(BASE, URI.create("http://localhost" + path), "GET", null,
                new MapPropertiesDelegate(), null);
    }

    @Path("health")
    public static class Health {
        @GET
        public String health() {
            return "UP";
        }
    }

    @Path("clients/{id}/overview")
    public static class Overview {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("clients/{id}/files")
    public static class Files {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("clients/{id}/projects")
    public static class Projects {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("clients/{id}/tasks")
    public static class Tasks {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("clients/{id}/deals")
    public static class Deals {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("clients/{id}/orders")
    public static class Orders {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("clients/{id}/quotes")
    public static class Quotes {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("clients/{id}/invoices")
    public static class Invoices {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("clients/imports")
    public static class Imports {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("clients/export")
    public static class Export {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("tax-ids")
    public static class TaxIds {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("files")
    public static class AllFiles {
        @GET
        public String get() {
            return "";
        }
    }

    @Path("projects")
    public static class AllProjects {
        @GET
        public String get() {
            return "";
        }
    }
}
