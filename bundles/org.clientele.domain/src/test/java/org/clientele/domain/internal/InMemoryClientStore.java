package org.clientele.domain.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.clientele.api.Activity;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.DuplicateException;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.VersionConflictException;
import org.clientele.api.store.ClientStore;
import org.clientele.api.store.ClientWriter;

/**
 * A test double of the storage port over plain maps. It keeps every documented contract of
 * {@link ClientStore} and {@link ClientWriter}: versions start at 1 and grow by one per update,
 * stale versions and unknown ids raise the API's exceptions, unique numbers and tax IDs raise
 * {@link DuplicateException}, and {@link #write} is atomic: the work runs on a copy of the data
 * that replaces the committed data only when the work returns normally.
 *
 * <p>Text search matches each query word against the start of a word of the legal name, number,
 * tax ID, city or e-mail, ignoring case and accents. It scans all rows, which is fine for tests.
 *
 * <p>Beyond the port, tests can make {@link #ping} fail, make the next call of a writer method
 * throw, and count committed writes and pings.
 */
final class InMemoryClientStore implements ClientStore {

    /** The writer operations a failure can be injected into. */
    enum Op {
        INSERT, UPDATE, DELETE, APPEND, NEXT_VALUE
    }

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Everything the store holds; copied at the start of each transaction. */
    private static final class Data {
        final Map<String, Client> clients = new LinkedHashMap<>();
        /** Per client, its entries in the order they were appended. */
        final Map<String, List<Activity>> activity = new HashMap<>();
        final Map<String, Long> counters = new HashMap<>();
        long activitySequence;
        long mutations;

        Data copy() {
            Data d = new Data();
            d.clients.putAll(clients);
            activity.forEach((id, entries) -> d.activity.put(id, new ArrayList<>(entries)));
            d.counters.putAll(counters);
            d.activitySequence = activitySequence;
            d.mutations = mutations;
            return d;
        }
    }

    private Data committed = new Data();
    private volatile boolean up = true;
    private int pings;
    private int commits;
    private ClientQuery lastSearch;
    private final Map<Op, RuntimeException> failures = new HashMap<>();

    // ------------------------------------------------------------------ test controls

    /** What {@link #ping} answers from now on. */
    void setUp(boolean up) {
        this.up = up;
    }

    /** How often {@link #ping} was called. */
    synchronized int pings() {
        return pings;
    }

    /** How many transactions committed. */
    synchronized int commits() {
        return commits;
    }

    /** The query {@link #search} was last called with, or null. */
    synchronized ClientQuery lastSearch() {
        return lastSearch;
    }

    /** How many committed inserts, updates, deletes and appends there were in all. */
    synchronized long mutations() {
        return committed.mutations;
    }

    /** The next call of {@code op} inside a transaction throws {@code failure} instead. */
    synchronized void failNext(Op op, RuntimeException failure) {
        failures.put(op, failure);
    }

    /** All committed clients, in insertion order. */
    synchronized List<Client> all() {
        return List.copyOf(committed.clients.values());
    }

    /** All committed history entries of a client, oldest first. */
    synchronized List<Activity> history(String clientId) {
        return List.copyOf(committed.activity.getOrDefault(clientId, List.of()));
    }

    /** The committed value of a counter, 0 when it was never used. */
    synchronized long counter(String name) {
        return committed.counters.getOrDefault(name, 0L);
    }

    // ------------------------------------------------------------------ ClientStore

    @Override
    public synchronized <T> T write(Function<ClientWriter, T> work) {
        Data working = committed.copy();
        Writer writer = new Writer(working);
        try {
            T result = work.apply(writer);
            committed = working;
            commits++;
            return result;
        } finally {
            writer.closed = true;
        }
    }

    @Override
    public synchronized Optional<Client> find(String id) {
        return Optional.ofNullable(committed.clients.get(id));
    }

    @Override
    public synchronized Page<Client> search(ClientQuery query) {
        lastSearch = query;
        List<String> words = query.text() == null ? List.of() : words(fold(query.text()));
        List<Client> matches = committed.clients.values().stream()
                .filter(c -> query.archived() == null || c.archived() == query.archived())
                .filter(c -> query.country() == null || query.country().equals(c.address().country()))
                .filter(c -> query.tag() == null || c.tags().contains(query.tag()))
                .filter(c -> matchesText(c, words))
                .sorted(comparator(query.sort()))
                .collect(Collectors.toList());
        return page(matches, query.limit(), query.offset());
    }

    @Override
    public synchronized Page<Activity> activity(String clientId, int limit, int offset) {
        List<Activity> entries = new ArrayList<>(committed.activity.getOrDefault(clientId, List.of()));
        // appended oldest first; newest first means latest timestamp first, later append first on ties
        List<Activity> newestFirst = new ArrayList<>(entries.size());
        for (int i = entries.size() - 1; i >= 0; i--) {
            newestFirst.add(entries.get(i));
        }
        newestFirst.sort(Comparator.comparing(Activity::at).reversed());
        return page(newestFirst, limit, offset);
    }

    @Override
    public boolean ping() {
        synchronized (this) {
            pings++;
        }
        return up;
    }

    // ------------------------------------------------------------------ the writer

    private final class Writer implements ClientWriter {
        private final Data data;
        private boolean closed;

        Writer(Data data) {
            this.data = data;
        }

        @Override
        public Optional<Client> find(String id) {
            open();
            return Optional.ofNullable(data.clients.get(id));
        }

        @Override
        public Optional<Client> findByTaxId(String normalizedTaxId) {
            open();
            return data.clients.values().stream()
                    .filter(c -> c.taxId() != null && c.taxId().equals(normalizedTaxId)).findFirst();
        }

        @Override
        public Optional<Client> findByNumber(String number) {
            open();
            return data.clients.values().stream().filter(c -> c.number().equals(number)).findFirst();
        }

        @Override
        public List<Client> findSimilar(String legalName, String postalCode, int max) {
            open();
            String name = matchKey(legalName);
            String postal = postalKey(postalCode);
            return data.clients.values().stream()
                    .filter(c -> matchKey(c.legalName()).equals(name))
                    .filter(c -> postalKey(c.address().postalCode()).equals(postal))
                    .limit(Math.max(0, max))
                    .collect(Collectors.toList());
        }

        @Override
        public long nextValue(String counter) {
            open();
            maybeFail(Op.NEXT_VALUE);
            return data.counters.merge(counter, 1L, Long::sum);
        }

        @Override
        public Client insert(Client client) {
            open();
            maybeFail(Op.INSERT);
            requireStorable(client);
            if (data.clients.containsKey(client.id())) {
                throw new IllegalStateException("a client with id " + client.id() + " exists already");
            }
            rejectTaken(client);
            Client stored = withVersion(client, client.createdAt(), 1);
            data.clients.put(stored.id(), stored);
            data.mutations++;
            return stored;
        }

        @Override
        public Client update(Client client, long expectedVersion) {
            open();
            maybeFail(Op.UPDATE);
            requireStorable(client);
            Client current = at(client.id(), expectedVersion);
            rejectTaken(client);
            Client stored = withVersion(client, current.createdAt(), current.version() + 1);
            data.clients.put(stored.id(), stored);
            data.mutations++;
            return stored;
        }

        @Override
        public void delete(String id, long expectedVersion) {
            open();
            maybeFail(Op.DELETE);
            at(id, expectedVersion);
            data.clients.remove(id);
            data.activity.remove(id);
            data.mutations++;
        }

        @Override
        public void append(Activity activity) {
            open();
            maybeFail(Op.APPEND);
            Objects.requireNonNull(activity.clientId(), "an activity needs a client id");
            Objects.requireNonNull(activity.at(), "an activity needs a time");
            Objects.requireNonNull(activity.action(), "an activity needs an action");
            String id = "A" + (++data.activitySequence);
            Activity stored = new Activity(id, activity.clientId(), activity.at(), activity.user(), activity.channel(),
                    activity.reference(), activity.action(), activity.changes());
            data.activity.computeIfAbsent(activity.clientId(), k -> new ArrayList<>()).add(stored);
            data.mutations++;
        }

        private Client at(String id, long expectedVersion) {
            Client current = data.clients.get(id);
            if (current == null) {
                throw new NotFoundException("client", id);
            }
            if (current.version() != expectedVersion) {
                throw new VersionConflictException(id, expectedVersion, current.version());
            }
            return current;
        }

        /** Another client with the same number or tax ID. */
        private void rejectTaken(Client client) {
            for (Client other : data.clients.values()) {
                if (other.id().equals(client.id())) {
                    continue;
                }
                if (other.number().equals(client.number())) {
                    throw new DuplicateException("number", client.number(), other.id(), other.number(),
                            other.legalName());
                }
                if (client.taxId() != null && client.taxId().equals(other.taxId())) {
                    throw new DuplicateException("taxId", client.taxId(), other.id(), other.number(),
                            other.legalName());
                }
            }
        }

        private void maybeFail(Op op) {
            RuntimeException failure;
            synchronized (InMemoryClientStore.this) {
                failure = failures.remove(op);
            }
            if (failure != null) {
                throw failure;
            }
        }

        private void open() {
            if (closed) {
                throw new IllegalStateException("the transaction has ended");
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** The NOT NULL columns of a real client table. */
    private static void requireStorable(Client c) {
        Objects.requireNonNull(c.id(), "id");
        Objects.requireNonNull(c.number(), "number");
        Objects.requireNonNull(c.legalName(), "legalName");
        Objects.requireNonNull(c.address(), "address");
        Objects.requireNonNull(c.createdAt(), "createdAt");
        Objects.requireNonNull(c.updatedAt(), "updatedAt");
    }

    private static Client withVersion(Client c, java.time.Instant createdAt, long version) {
        return new Client(c.id(), c.number(), c.legalName(), c.taxId(), c.taxIdCheck(), c.address(), c.email(),
                c.phone(), c.website(), c.contacts(), c.tags(), c.archived(), createdAt, c.updatedAt(), version);
    }

    private static <T> Page<T> page(List<T> all, int limit, int offset) {
        int from = Math.min(Math.max(0, offset), all.size());
        int to = Math.min(all.size(), from + Math.max(0, limit));
        return new Page<>(all.subList(from, to), all.size(), limit, offset);
    }

    /** Lower case without accents; "" for null. */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD)).replaceAll("");
        return stripped.toLowerCase(Locale.ROOT).replace("ß", "ss");
    }

    private static List<String> words(String folded) {
        return Stream.of(NOT_ALPHANUMERIC.split(folded)).filter(w -> !w.isEmpty()).collect(Collectors.toList());
    }

    private static String matchKey(String name) {
        return NOT_ALPHANUMERIC.matcher(fold(name)).replaceAll("");
    }

    private static String postalKey(String postalCode) {
        return postalCode == null ? "" : postalCode.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private static boolean matchesText(Client c, List<String> queryWords) {
        if (queryWords.isEmpty()) {
            return true;
        }
        List<String> clientWords = new ArrayList<>();
        for (String field : new String[] {c.legalName(), c.number(), c.taxId(), c.address().city(), c.email()}) {
            clientWords.addAll(words(fold(field)));
        }
        return queryWords.stream().allMatch(q -> clientWords.stream().anyMatch(w -> w.startsWith(q)));
    }

    private static Comparator<Client> comparator(List<ClientQuery.Sort> sort) {
        Comparator<Client> result = null;
        for (ClientQuery.Sort s : sort) {
            Comparator<Client> key = key(s.field());
            if (s.descending()) {
                key = key.reversed();
            }
            result = result == null ? key : result.thenComparing(key);
        }
        Comparator<Client> byId = Comparator.comparing(Client::id);
        return result == null ? byId : result.thenComparing(byId);
    }

    private static Comparator<Client> key(ClientQuery.SortField field) {
        switch (field) {
            case LEGAL_NAME:
                return Comparator.comparing(c -> fold(c.legalName()));
            case NUMBER:
                return Comparator.comparing(Client::number);
            case CITY:
                return Comparator.comparing(c -> fold(c.address().city()));
            case COUNTRY:
                return Comparator.comparing(c -> c.address().country());
            case CREATED_AT:
                return Comparator.comparing(Client::createdAt);
            case UPDATED_AT:
                return Comparator.comparing(Client::updatedAt);
            default:
                throw new IllegalArgumentException("unknown sort field " + field);
        }
    }
}
