package org.clientele.rest.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.clientele.api.ClientDraft;
import org.clientele.api.ClientQuery;
import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.junit.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

public class RequestParsingTest {
    private final ObjectMapper json = ApiServlet.mapper(1 << 20);

    private JsonNode parse(String s) throws Exception {
        return json.readTree(s.replace('\'', '"'));
    }

    private static Map<String, String> errors(Runnable r) {
        try {
            r.run();
        } catch (ValidationException e) {
            return e.errors().stream().collect(Collectors.toMap(FieldError::field, FieldError::code));
        }
        fail("no validation error");
        return Map.of();
    }

    @Test
    public void readsEveryFieldAndIgnoresReadOnlyOnes() throws Exception {
        ClientDraft d = DraftReader.read(parse("{'id':'x','version':3,'number':'K-1','legalName':'A','taxId':'DE1',"
                + "'address':{'street':'S','postalCode':'10115','city':'C','region':null,'country':'DE'},"
                + "'email':'e@x.de','phone':'1','website':'w.de','contacts':[{'name':'N','role':'R'}],'tags':['t']}"));
        assertEquals("K-1", d.number());
        assertEquals("10115", d.address().postalCode());
        assertNull(d.address().region());
        assertEquals("N", d.contacts().get(0).name());
        assertEquals(List.of("t"), d.tags());
    }

    @Test
    public void reportsWrongTypesAndUnknownFieldsWithTheirPaths() throws Exception {
        JsonNode body = parse("{'legalName':{},'address':{'street':1,'zip':'x'},'contacts':[{'name':'a','mail':'m'},3],"
                + "'tags':[1],'email':5,'colour':'red'}");
        Map<String, String> e = errors(() -> DraftReader.read(body));
        assertEquals("INVALID", e.get("legalName"));
        assertEquals("UNKNOWN_FIELD", e.get("address.zip"));
        assertEquals("UNKNOWN_FIELD", e.get("contacts[0].mail"));
        assertEquals("INVALID", e.get("contacts[1]"));
        assertEquals("INVALID", e.get("tags[0]"));
        assertEquals("INVALID", e.get("email"));
        assertEquals("UNKNOWN_FIELD", e.get("colour"));
        assertFalse(e.containsKey("address.street"));
        assertEquals(7, e.size());
    }

    @Test
    public void bodyMustBeAnObject() throws Exception {
        JsonNode array = parse("[]");
        assertEquals(Map.of("$", "INVALID"), errors(() -> DraftReader.read(array)));
        assertEquals(Map.of("$", "REQUIRED"), errors(() -> DraftReader.read(null)));
    }

    @Test
    public void mergePatchFollowsRfc7396() throws Exception {
        JsonNode target = parse("{'a':'b','c':{'d':'e','f':'g'},'t':['x']}");
        JsonNode patch = parse("{'a':'z','c':{'f':null},'t':['y'],'n':{'m':1}}");
        assertEquals(parse("{'a':'z','c':{'d':'e'},'t':['y'],'n':{'m':1}}"), MergePatch.apply(target, patch));
        assertEquals(parse("['a']"), MergePatch.apply(parse("{'a':1}"), parse("['a']")));
    }

    @Test
    public void ifMatchParsing() {
        assertEquals(3, Etags.expectedVersion("\"3\""));
        assertEquals(Etags.ANY, Etags.expectedVersion("*"));
        assertEquals(Etags.NONE, Etags.expectedVersion("W/\"3\""));
        assertEquals(Etags.NONE, Etags.expectedVersion("\"abc\""));
        try {
            Etags.expectedVersion(null);
            fail();
        } catch (ApiException e) {
            assertEquals(428, e.response().getStatus());
        }
    }

    @Test
    public void queryParameters() {
        assertEquals(50, Params.limit(null));
        assertEquals(500, Params.limit("500"));
        assertEquals(Map.of("limit", "INVALID"), errors(() -> Params.limit("501")));
        assertEquals(Map.of("limit", "INVALID"), errors(() -> Params.limit("ten")));
        assertEquals(Map.of("offset", "INVALID"), errors(() -> Params.offset("-1")));
        assertEquals(Boolean.FALSE, Params.archived(null));
        assertEquals(Boolean.TRUE, Params.archived("true"));
        assertNull(Params.archived("all"));
        assertEquals(Map.of("archived", "INVALID"), errors(() -> Params.archived("maybe")));
        List<ClientQuery.Sort> sort = Params.sort("legalName,-updatedAt");
        assertEquals(List.of(new ClientQuery.Sort(ClientQuery.SortField.LEGAL_NAME, false),
                new ClientQuery.Sort(ClientQuery.SortField.UPDATED_AT, true)), sort);
        assertEquals(Map.of("sort", "INVALID"), errors(() -> Params.sort("size")));
    }

    @Test
    public void problemsNeverLeakClassNames() throws Exception {
        ProblemMapper m = new ProblemMapper();
        Object body = m.toResponse(new IllegalStateException("secret internals")).getEntity();
        String text = json.writeValueAsString(body);
        assertTrue(text, text.contains("\"status\":500"));
        assertFalse(text, text.contains("IllegalState") || text.contains("secret"));
        String validation = json.writeValueAsString(m.toResponse(new ValidationException(
                new FieldError("address.postalCode", "INVALID", "bad"))).getEntity());
        assertTrue(validation, validation.contains("\"field\":\"address.postalCode\"") && validation.contains("\"status\":422"));
    }
}
