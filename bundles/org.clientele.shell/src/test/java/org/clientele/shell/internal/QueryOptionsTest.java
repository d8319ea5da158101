package org.clientele.shell.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.clientele.api.ClientQuery;
import org.clientele.api.ClientQuery.Sort;
import org.clientele.api.ClientQuery.SortField;
import org.junit.Test;

public class QueryOptionsTest {

    @Test
    public void defaultsListActiveClientsByLegalName() {
        ClientQuery q = QueryOptions.query(null, " ", null, false, false, null, 50, 0);

        assertEquals(new ClientQuery(null, null, null, Boolean.FALSE, List.of(), 50, 0), q);
        assertEquals(List.of(new Sort(SortField.LEGAL_NAME, false)), q.sort());
    }

    @Test
    public void passesFiltersThrough() {
        ClientQuery q = QueryOptions.query(" müller ", "DE", "vip", true, false, "-updatedAt", 10, 20);

        assertEquals(new ClientQuery("müller", "DE", "vip", Boolean.TRUE,
                List.of(new Sort(SortField.UPDATED_AT, true)), 10, 20), q);
    }

    @Test
    public void archivedFilter() {
        assertEquals(Boolean.FALSE, QueryOptions.archived(false, false));
        assertEquals(Boolean.TRUE, QueryOptions.archived(true, false));
        assertNull(QueryOptions.archived(false, true));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryOptions.archived(true, true));
        assertEquals("Use either --archived or --all, not both.", e.getMessage());
    }

    @Test
    public void sortKeysInOrderWithDirection() {
        assertEquals(List.of(new Sort(SortField.LEGAL_NAME, false), new Sort(SortField.UPDATED_AT, true),
                new Sort(SortField.CITY, false)), QueryOptions.sort("legalName, -updatedAt,+city,"));
    }

    @Test
    public void unknownSortKeyNamesTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> QueryOptions.sort("name"));
        assertEquals("Cannot sort by 'name'; use legalName, number, city, country, createdAt, updatedAt, "
                + "each optionally with a leading '-' for descending order.", e.getMessage());
    }

    @Test
    public void limitAndOffsetBounds() {
        assertEquals("--limit must be from 1 to 500, not 0.", assertThrows(IllegalArgumentException.class,
                () -> QueryOptions.query(null, null, null, false, false, null, 0, 0)).getMessage());
        assertEquals("--limit must be from 1 to 500, not 501.", assertThrows(IllegalArgumentException.class,
                () -> QueryOptions.query(null, null, null, false, false, null, 501, 0)).getMessage());
        assertEquals("--offset must be 0 or more, not -1.", assertThrows(IllegalArgumentException.class,
                () -> QueryOptions.query(null, null, null, false, false, null, 50, -1)).getMessage());
    }

    @Test
    public void sortKeysForCompletion() {
        List<String> keys = QueryOptions.sortKeys();
        assertTrue(keys.contains("legalName"));
        assertTrue(keys.contains("-updatedAt"));
        assertFalse(keys.contains("LEGAL_NAME"));
        assertEquals(2 * SortField.values().length, keys.size());
    }
}
