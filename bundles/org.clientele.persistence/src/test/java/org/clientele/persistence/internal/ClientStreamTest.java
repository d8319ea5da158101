package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

import javax.persistence.EntityManager;

import org.apache.aries.jpa.template.EmFunction;
import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.Contact;
import org.clientele.api.Page;
import org.clientele.api.TaxIdInfo;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/**
 * The export's read ({@link JpaClientStore#forEachClient}) against the list search on random
 * clients: the same clients with the same fields, contacts and tags, each once, in the order
 * they were stored, for every kind of filter, with chunk sizes that cut the list anywhere.
 */
public class ClientStreamTest {

    private static final String[] NAMES = {"Müller", "Schäfer", "Weiß", "Öztürk", "Krüger", "Groß", "Dubois", "Nowak"};
    private static final String[] KINDS = {"GmbH", "AG", "KG", "Bau GmbH", "Logistik AG"};
    private static final String[] COUNTRIES = {"DE", "DE", "DE", "AT", "CH", "FR"};
    private static final String[] TAGS = {"vip", "b2b", "wholesale", "lead"};

    private static TestDatabase db;
    private static JpaClientStore store;
    /** Every client as stored, in the order of insertion (= key order). */
    private static final List<Client> STORED = new ArrayList<>();

    @BeforeClass
    public static void fill() {
        db = TestDatabase.inMemory();
        store = new JpaClientStore(db.template());
        Random random = new Random(4711);
        Instant t = Instant.parse("2026-03-16T10:00:00.123456Z");
        List<Client> batch = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            List<Contact> contacts = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                contacts.add(new Contact("Person " + i + "-" + k, random.nextBoolean() ? "Einkauf" : null,
                        random.nextBoolean() ? "p" + i + k + "@x.example" : null, random.nextBoolean() ? "+49 " + k : null));
            }
            List<String> tags = new ArrayList<>();
            for (String tag : TAGS) {
                if (random.nextInt(4) == 0) {
                    tags.add(tag);
                }
            }
            String country = COUNTRIES[random.nextInt(COUNTRIES.length)];
            boolean taxed = random.nextBoolean();
            Client c = new Client(java.util.UUID.randomUUID().toString(), "S-" + i,
                    NAMES[random.nextInt(NAMES.length)] + " " + i + " " + KINDS[random.nextInt(KINDS.length)],
                    taxed ? "DE" + (100000000 + i) : null, taxed ? new TaxIdInfo("DE", "EU_VAT", TaxIdInfo.VALID_FORMAT) : null,
                    new Address("Weg " + i, String.format("%05d", i), i % 2 == 0 ? "Berlin" : "Köln",
                            random.nextBoolean() ? "Region" : null, country),
                    random.nextBoolean() ? "info" + i + "@x.example" : null, null, null, contacts, tags,
                    random.nextInt(5) == 0, t.plusSeconds(i), t.plusSeconds(i), 0);
            batch.add(c);
            if (batch.size() == 100) {
                List<Client> copy = List.copyOf(batch);
                STORED.addAll(store.write(w -> w.insertAll(copy)));
                batch.clear();
            }
        }
        // some one by one, as the REST API inserts them
        for (int i = 0; i < 5; i++) {
            STORED.add(store.write(w -> w.insert(new Client(java.util.UUID.randomUUID().toString(), "E-" + STORED.size(),
                    "Einzeln Müller", null, null, new Address(null, null, null, null, null), null, null, null,
                    List.of(new Contact("A", null, null, null)), List.of("vip"), false, t, t, 0))));
        }
    }

    @AfterClass
    public static void close() {
        db.close();
    }

    private static List<Client> streamed(ClientQuery query, int chunk) {
        List<Client> out = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        // one to three ranges read at a time
        new ClientStream(ClientStreamTest::required, query, chunk, 1 + chunk % 3).run(c -> {
            sizes.add(c.size());
            out.addAll(c);
        });
        sizes.forEach(size -> assertTrue("chunk of " + size, size > 0 && size <= chunk));
        return out;
    }

    private static <T> T required(EmFunction<T> code) {
        return db.template().txExpr(TransactionType.Required, code);
    }

    /** Every client the list search finds, all pages. */
    private static List<Client> searched(ClientQuery query) {
        List<Client> out = new ArrayList<>();
        int offset = 0;
        while (true) {
            Page<Client> page = store.search(new ClientQuery(query.text(), query.country(), query.tag(), query.archived(),
                    List.of(), ClientQuery.MAX_LIMIT, offset));
            out.addAll(page.items());
            if (!page.hasNext() || page.items().isEmpty()) {
                return out;
            }
            offset += page.items().size();
        }
    }

    private static void assertSameAsSearch(ClientQuery query, Predicate<Client> expected) {
        List<Client> found = searched(query);
        // the search's answer, in key order
        List<Client> inKeyOrder = STORED.stream().filter(c -> found.stream().anyMatch(f -> f.id().equals(c.id()))).toList();
        assertEquals(found.size(), inKeyOrder.size());
        assertEquals(new HashSet<>(found), new HashSet<>(inKeyOrder));
        // the predicate written out independently of both
        assertEquals(STORED.stream().filter(expected).toList(), inKeyOrder);
        for (int chunk : new int[] {1, 7, 100, 5000}) {
            assertEquals(query + " in chunks of " + chunk, inKeyOrder, streamed(query, chunk));
        }
        List<Client> viaStore = new ArrayList<>();
        store.forEachClient(query, viaStore::addAll);
        assertEquals(inKeyOrder, viaStore);
    }

    private static List<String> words(Client c) {
        return List.of(c.legalName().split(" "));
    }

    private static ClientQuery query(String text, String country, String tag, Boolean archived) {
        return new ClientQuery(text, country, tag, archived, List.of(), ClientQuery.MAX_LIMIT, 0);
    }

    @Test
    public void everyClientOnceWithContactsAndTagsInKeyOrder() {
        assertEquals(705, STORED.size());
        assertSameAsSearch(query(null, null, null, null), c -> true);
        assertSameAsSearch(query(null, null, null, false), c -> !c.archived());
        assertSameAsSearch(query(null, null, null, true), Client::archived);
    }

    @Test
    public void countryAndTagFilters() {
        assertSameAsSearch(query(null, "AT", null, false), c -> !c.archived() && "AT".equals(c.address().country()));
        assertSameAsSearch(query(null, "at", null, null), c -> "AT".equals(c.address().country()));
        assertSameAsSearch(query(null, null, "vip", false), c -> !c.archived() && c.tags().contains("vip"));
        assertSameAsSearch(query(null, "DE", "b2b", null), c -> "DE".equals(c.address().country()) && c.tags().contains("b2b"));
        assertSameAsSearch(query(null, null, "nobody-has-this", null), c -> false);
    }

    @Test
    public void textFilters() {
        assertSameAsSearch(query("müller", null, null, false),
                c -> !c.archived() && words(c).contains("Müller"));
        assertSameAsSearch(query("mueller gmbh", "DE", null, null),
                c -> "DE".equals(c.address().country()) && words(c).contains("Müller") && words(c).contains("GmbH"));
        assertSameAsSearch(query("koln", null, "lead", null), c -> "Köln".equals(c.address().city()) && c.tags().contains("lead"));
        assertSameAsSearch(query("zzzz", null, null, null), c -> false);
    }

    /**
     * A client changed between the read of its row and the read of its contacts is not
     * exported half old, half new: it comes once, in its new state.
     */
    @Test
    public void aClientChangedDuringItsChunkComesOnceInOneState() {
        Client victim = STORED.get(10);
        AtomicBoolean changed = new AtomicBoolean();
        AtomicReference<Client> updated = new AtomicReference<>();
        ClientStream.Reads interfering = new ClientStream.Reads() {
            @Override
            public <T> T read(EmFunction<T> code) {
                return required(em -> code.apply(interfering(em, changed, () -> updated.set(store.write(w -> {
                    Client now = w.find(victim.id()).orElseThrow();
                    return w.update(new Client(now.id(), now.number(), now.legalName() + " neu", now.taxId(),
                            now.taxIdCheck(), now.address(), now.email(), now.phone(), now.website(),
                            List.of(new Contact("Neu " + now.number(), null, null, null)), List.of("neu"),
                            now.archived(), now.createdAt(), now.updatedAt(), now.version()), now.version());
                })))));
            }
        };
        // only a row without its copy of contacts and tags (written before 0.5.6) has its
        // contacts read apart from the row, so only then can a change come in between
        ChildrenColumn.forget(db.dataSource(), List.of(victim.id()));
        List<Client> out = new ArrayList<>();
        // one reader: the first contacts query is the one of the victim's range
        new ClientStream(interfering, query(null, null, null, null), 50, 1).run(out::addAll);
        assertTrue(changed.get());
        Set<String> ids = new HashSet<>();
        out.forEach(c -> assertTrue("once: " + c.id(), ids.add(c.id())));
        assertEquals(STORED.size(), out.size());
        Client exported = out.stream().filter(c -> c.id().equals(victim.id())).findFirst().orElseThrow();
        assertEquals(updated.get(), exported);
        assertEquals(List.of("neu"), exported.tags());
        assertFalse(exported.equals(victim));
        // put it back for the other tests
        store.write(w -> w.update(new Client(victim.id(), victim.number(), victim.legalName(), victim.taxId(),
                victim.taxIdCheck(), victim.address(), victim.email(), victim.phone(), victim.website(), victim.contacts(),
                victim.tags(), victim.archived(), victim.createdAt(), victim.updatedAt(), 0), updated.get().version()));
        STORED.set(10, store.find(victim.id()).orElseThrow());
    }

    /**
     * An entity manager that runs {@code change} once, just before the first contacts query
     * (JPQL, or SQL on the connection it hands out).
     */
    private static EntityManager interfering(EntityManager em, AtomicBoolean changed, Runnable concurrentChange) {
        // another writer, committing in a transaction of its own while the read goes on
        Runnable change = () -> {
            Thread writer = new Thread(concurrentChange, "concurrent-writer");
            writer.start();
            try {
                writer.join(30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            assertFalse("the concurrent writer is blocked", writer.isAlive());
        };
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("create") && args != null && args[0] instanceof String query
                            && query.contains("FROM Contact") && changed.compareAndSet(false, true)) {
                        change.run();
                    }
                    Object result = invoke(method, em, args);
                    return result instanceof Connection c ? interfering(c, changed, change) : result;
                });
    }

    private static Connection interfering(Connection connection, AtomicBoolean changed, Runnable change) {
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && args[0] instanceof String sql
                            && sql.contains("FROM client_contact") && changed.compareAndSet(false, true)) {
                        change.run();
                    }
                    return invoke(method, connection, args);
                });
    }

    private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args) throws Throwable {
        return ChildrenColumn.invoke(method, target, args);
    }

    /** Keys far apart (erased clients leave gaps) and the filters cut ranges to few or no rows. */
    @Test
    public void rangesWithGapsAndEmptyRanges() {
        List<Client> erased = new ArrayList<>();
        for (int i = 200; i < 450; i++) {
            Client c = STORED.get(i);
            if (i % 3 != 0) {
                store.write(w -> {
                    w.delete(c.id(), c.version());
                    return null;
                });
                erased.add(c);
            }
        }
        try {
            List<Client> left = STORED.stream().filter(c -> !erased.contains(c)).toList();
            for (int chunk : new int[] {1, 3, 50, 5000}) {
                assertEquals(left, streamed(query(null, null, null, null), chunk));
                assertEquals(left.stream().filter(c -> "CH".equals(c.address().country()) && c.archived()).toList(),
                        streamed(query(null, "CH", null, true), chunk));
            }
        } finally {
            // back, under new (larger) keys: at the end of the key order
            for (Client c : erased) {
                Client again = store.write(w -> w.insert(c));
                STORED.remove(c);
                STORED.add(again);
            }
        }
    }

    /** Rows that hold their contacts and tags are read in one statement a range, or a page of keys. */
    @Test
    public void wholeRowsAloneAndMixedWithRowsWrittenBefore056() {
        List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
        ClientStream.Reads counting = new ClientStream.Reads() {
            @Override
            public <T> T read(EmFunction<T> code) {
                return required(em -> code.apply(recording(em, statements)));
            }
        };
        for (ClientQuery q : List.of(query(null, null, null, null), query("müller", null, null, null),
                query(null, null, "vip", null))) {
            statements.clear();
            List<Client> out = new ArrayList<>();
            new ClientStream(counting, q, 100, 2).run(out::addAll);
            assertEquals(q.toString(), searchedInKeyOrder(q), out);
            assertTrue(q + ": " + statements, statements.stream().noneMatch(
                    sql -> sql.contains("client_contact") || sql.contains("client_tag") || sql.contains("FROM Contact")
                            || sql.contains("FROM Tag g WHERE g.clientPk IN")));
        }
        List<Client> old = new ArrayList<>();
        for (int i = 0; i < STORED.size(); i += 3) {
            old.add(STORED.get(i));
        }
        ChildrenColumn.forget(db.dataSource(), old.stream().map(Client::id).toList());
        try {
            for (int chunk : new int[] {1, 7, 100, 5000}) {
                assertEquals(STORED, streamed(query(null, null, null, null), chunk));
                assertEquals(searchedInKeyOrder(query("müller", null, null, null)),
                        streamed(query("müller", null, null, null), chunk));
            }
        } finally {
            ChildrenColumn.restore(db.dataSource(), old);
        }
    }

    private static List<Client> searchedInKeyOrder(ClientQuery query) {
        Set<String> found = new HashSet<>();
        searched(query).forEach(c -> found.add(c.id()));
        return STORED.stream().filter(c -> found.contains(c.id())).toList();
    }

    /** An entity manager whose JPQL queries and whose connection's statements are recorded. */
    private static EntityManager recording(EntityManager em, List<String> statements) {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("create") && args != null && args[0] instanceof String query) {
                        statements.add(query);
                    }
                    Object result = invoke(method, em, args);
                    return result instanceof Connection connection
                            ? ChildrenColumn.recording(connection, statements::add) : result;
                });
    }
}
