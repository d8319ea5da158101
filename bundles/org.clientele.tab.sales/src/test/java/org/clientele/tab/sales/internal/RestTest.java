package org.clientele.tab.sales.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;

import org.clientele.api.PreconditionRequiredException;
import org.clientele.api.ValidationException;
import org.junit.Test;

/** If-Match and paging parameters as the API defines them. */
public class RestTest {

    @Test
    public void ifMatch() {
        assertThrows(PreconditionRequiredException.class, () -> Rest.expectedVersion(null));
        assertThrows(PreconditionRequiredException.class, () -> Rest.expectedVersion(" "));
        assertEquals(SalesStore.ANY_VERSION, Rest.expectedVersion("*"));
        assertEquals(3, Rest.expectedVersion("\"3\""));
        // weak or foreign tags match no version: 412
        assertEquals(Rest.NO_VERSION, Rest.expectedVersion("W/\"3\""));
        assertEquals(Rest.NO_VERSION, Rest.expectedVersion("3"));
        assertEquals(Rest.NO_VERSION, Rest.expectedVersion("\"abc\""));
        assertEquals(Rest.NO_VERSION, Rest.expectedVersion("\"-1\""));
    }

    @Test
    public void paging() {
        assertEquals(50, Rest.limit(null));
        assertEquals(500, Rest.limit("500"));
        assertEquals(0, Rest.offset(""));
        ValidationException e = assertThrows(ValidationException.class, () -> Rest.limit("501"));
        assertEquals("limit", e.errors().get(0).field());
        assertEquals("offset", assertThrows(ValidationException.class, () -> Rest.offset("-1")).errors().get(0).field());
    }

    @Test
    public void kindFilter() {
        assertNull(Rest.choice("kind", null, InvoiceKind.class));
        assertEquals(InvoiceKind.PURCHASE, Rest.choice("kind", "purchase", InvoiceKind.class));
        assertEquals("kind", assertThrows(ValidationException.class,
                () -> Rest.choice("kind", "CREDIT", InvoiceKind.class)).errors().get(0).field());
    }
}
