package org.clientele.rest.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.glassfish.jersey.server.ApplicationHandler;
import org.glassfish.jersey.server.ContainerResponse;
import org.glassfish.jersey.server.ExtendedResourceContext;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;
import org.glassfish.jersey.server.model.Resource;
import org.junit.Test;

public class RootTemplatesTest {

    @Test
    public void onlyVariablesThatEndTheirSegmentBecomePossessive() {
        assertEquals("clients/{id: [^/]++}/tabs", RootTemplates.possessive("clients/{id}/tabs"));
        assertEquals("clients/{id: [^/]++}", RootTemplates.possessive("clients/{id}"));
        assertEquals("/a/{x: [^/]++}/b/{y_z: [^/]++}", RootTemplates.possessive("/a/{x}/b/{ y_z }"));
        assertEquals("files/{name}.json", RootTemplates.possessive("files/{name}.json"));
        assertEquals("files/{a}-{b: [^/]++}", RootTemplates.possessive("files/{a}-{b}"));
        assertEquals("things/{id: [0-9]+}", RootTemplates.possessive("things/{id: [0-9]+}"));
        assertEquals("clients", RootTemplates.possessive("clients"));
        assertEquals(null, RootTemplates.possessive(null));
    }

    /** Every request goes where it went without the processor, with the same path values. */
    @Test
    public void requestsAreRoutedAsBefore() throws Exception {
        List<String> paths = List.of("/clients", "/clients/8f1c2d3e-0000-4000-8000-000000000001",
                "/clients/8f1c/tabs", "/clients/8f1c/tabs/history", "/clients/imports", "/clients/imports/7",
                "/clients/x.y/tabs", "/files/report.json", "/files/a-b", "/things/42", "/things/x", "/clients/a/b/c",
                "/clients/8f1c/activity", "/nothing");
        ApplicationHandler plain = handler(false);
        ApplicationHandler possessive = handler(true);
        for (String path : paths) {
            assertEquals(path, answer(plain, path), answer(possessive, path));
        }
        assertEquals("200 client 8f1c2d3e-0000-4000-8000-000000000001",
                answer(possessive, "/clients/8f1c2d3e-0000-4000-8000-000000000001"));
        assertEquals("200 tab history of 8f1c", answer(possessive, "/clients/8f1c/tabs/history"));
        assertEquals("200 imports", answer(possessive, "/clients/imports"));
        assertEquals("200 json report", answer(possessive, "/files/report.json"));
        assertEquals("200 pair a b", answer(possessive, "/files/a-b"));
        assertEquals("404 null", answer(possessive, "/things/x"));
        assertEquals(List.of("clients", "clients/imports", "clients/{id: [^/]++}/tabs", "files", "things/{id: [0-9]+}"),
                possessive.getInjectionManager().getInstance(ExtendedResourceContext.class).getResourceModel()
                        .getRootResources().stream().map(Resource::getPath).sorted().toList());
    }

    private static ApplicationHandler handler(boolean withProcessor) {
        ResourceConfig rc = new ResourceConfig(Clients.class, Tabs.class, Imports.class, Files.class, Things.class)
                .property(ServerProperties.WADL_FEATURE_DISABLE, true); // as the API's application
        if (withProcessor) {
            rc.register(new RootTemplates());
        }
        return new ApplicationHandler(rc);
    }

    private static String answer(ApplicationHandler handler, String path) throws Exception {
        ContainerResponse response = handler.apply(RoutingBench.get(path)).get();
        return response.getStatus() + " " + response.getEntity();
    }

    @Path("clients")
    public static class Clients {
        @GET
        public String list() {
            return "list";
        }

        @GET
        @Path("{id}")
        public String get(@PathParam("id") String id) {
            return "client " + id;
        }

        @GET
        @Path("{id}/activity")
        public String activity(@PathParam("id") String id) {
            return "activity of " + id;
        }
    }

    @Path("clients/{id}/tabs")
    public static class Tabs {
        @GET
        public String tabs(@PathParam("id") String id) {
            return "tabs of " + id;
        }

        @GET
        @Path("{tab}")
        public String tab(@PathParam("id") String id, @PathParam("tab") String tab) {
            return "tab " + tab + " of " + id;
        }
    }

    @Path("clients/imports")
    public static class Imports {
        @GET
        public String imports() {
            return "imports";
        }

        @GET
        @Path("{job}")
        public String job(@PathParam("job") String job) {
            return "job " + job;
        }
    }

    @Path("files")
    public static class Files {
        @GET
        @Path("{name}.json")
        public String json(@PathParam("name") String name) {
            return "json " + name;
        }

        @GET
        @Path("{a}-{b}")
        public String pair(@PathParam("a") String a, @PathParam("b") String b) {
            return "pair " + a + " " + b;
        }
    }

    @Path("things/{id: [0-9]+}")
    public static class Things {
        @GET
        public String thing(@PathParam("id") String id) {
            return "thing " + id;
        }
    }
}
