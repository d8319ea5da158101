package org.clientele.io.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.clientele.api.Activity;
import org.clientele.api.Actor;
import org.clientele.api.Client;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;
import org.clientele.api.FieldChange;
import org.clientele.api.Page;
import org.clientele.api.TaxIdCheck;
import org.clientele.api.TaxIdValidator;
import org.clientele.api.io.BulkResult;
import org.clientele.api.io.ClientBulkService;
import org.clientele.api.io.ImportOptions;
import org.clientele.api.io.ImportRow;
import org.clientele.api.io.RowError;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;
import org.clientele.api.store.ClientStore;
import org.clientele.api.store.ClientWriter;
import org.clientele.api.store.ImportJobRecord;
import org.clientele.api.store.ImportJobStore;

/** Collaborators of the import service for unit tests; the domain's real rules are tested in the domain. */
final class Fakes {

    private Fakes() {
    }

    /** IoConfig with its defaults, some overridden. */
    static IoConfig config(Map<String, Object> overrides) {
        return (IoConfig) Proxy.newProxyInstance(IoConfig.class.getClassLoader(), new Class<?>[] {IoConfig.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("annotationType")) {
                        return IoConfig.class;
                    }
                    return overrides.containsKey(method.getName()) ? overrides.get(method.getName())
                            : method.getDefaultValue();
                });
    }

    /** Upper case without blanks; a tax ID ending in 'X' is invalid. */
    static TaxIdValidator taxIds() {
        return (value, country) -> {
            String n = value.replace(" ", "").replace(".", "").toUpperCase(Locale.ROOT);
            boolean ok = !n.endsWith("X");
            return new TaxIdCheck(value, n, country, TaxIdCheck.KIND_OTHER, ok, ok ? null : TaxIdCheck.TAX_ID_CHECKSUM,
                    ok ? null : "bad checksum");
        };
    }

    /** The job store in maps; a transaction is just the work (nothing to roll back here). */
    static final class Jobs implements ImportJobStore {
        final Map<String, ImportJobRecord> jobs = new LinkedHashMap<>();
        final Map<String, List<RowResult>> rows = new HashMap<>();

        @Override
        public synchronized <T> T inTransaction(Supplier<T> work) {
            return work.get();
        }

        @Override
        public synchronized void insert(ImportJobRecord job) {
            jobs.put(job.id(), job);
        }

        @Override
        public synchronized void update(ImportJobRecord job) {
            jobs.put(job.id(), job);
        }

        @Override
        public synchronized Optional<ImportJobRecord> find(String id) {
            return Optional.ofNullable(jobs.get(id));
        }

        @Override
        public synchronized List<ImportJobRecord> findByState(List<String> states) {
            return jobs.values().stream().filter(j -> states.contains(j.state())).toList();
        }

        @Override
        public synchronized void appendRows(String jobId, List<RowResult> r) {
            rows.computeIfAbsent(jobId, k -> new ArrayList<>()).addAll(r);
        }

        @Override
        public synchronized Page<RowResult> rows(String jobId, RowOutcome outcome, int limit, int offset) {
            List<RowResult> all = rows.getOrDefault(jobId, List.of()).stream()
                    .filter(r -> outcome == null || r.outcome() == outcome)
                    .sorted(Comparator.comparingLong(RowResult::row)).toList();
            int from = Math.min(offset, all.size());
            return new Page<>(all.subList(from, Math.min(all.size(), from + limit)), all.size(), limit, offset);
        }

        @Override
        public synchronized List<RowResult> rowsBefore(String jobId, long beforeRow, int limit) {
            return rows.getOrDefault(jobId, List.of()).stream().filter(r -> r.row() < beforeRow)
                    .sorted(Comparator.comparingLong(RowResult::row).reversed()).limit(limit).toList();
        }

        @Override
        public synchronized void deleteRows(String jobId, long afterRow) {
            rows.getOrDefault(jobId, new ArrayList<>()).removeIf(r -> r.row() > afterRow);
        }
    }

    /**
     * A bulk service over a map of number to values: legalName required, taxId checked by
     * {@link #taxIds()}, key = number; create/update/unchanged, abort semantics as documented.
     */
    static final class Bulk implements ClientBulkService {
        final Map<String, Map<String, String>> stored = new LinkedHashMap<>();
        final List<Boolean> dryRuns = new ArrayList<>();
        final List<Long> rowsSeen = new ArrayList<>();
        int writes;

        @Override
        public synchronized BulkResult upsertBatch(List<ImportRow> rows, ImportOptions options, Actor actor, boolean dryRun) {
            dryRuns.add(dryRun);
            List<RowResult> out = new ArrayList<>();
            Map<String, Map<String, String>> next = new LinkedHashMap<>(stored);
            for (ImportRow r : rows) {
                rowsSeen.add(r.row());
                String name = r.values().get("legalName");
                String tax = r.values().get("taxId");
                if (name == null || name.isBlank()) {
                    out.add(new RowResult(r.row(), RowOutcome.ERROR, null, null, List.of(),
                            List.of(new RowError("legalName", "REQUIRED", "A legal name is required."))));
                    continue;
                }
                if (tax != null && tax.endsWith("X")) {
                    out.add(new RowResult(r.row(), RowOutcome.ERROR, null, null, List.of(),
                            List.of(new RowError("taxId", "TAX_ID_CHECKSUM", "bad checksum"))));
                    continue;
                }
                String number = r.values().get("number");
                Map<String, String> old = next.get(number);
                if (old == null) {
                    next.put(number, r.values());
                    out.add(new RowResult(r.row(), RowOutcome.CREATE, "id-" + number, number, List.of(), List.of()));
                } else if (old.equals(r.values())) {
                    out.add(new RowResult(r.row(), RowOutcome.UNCHANGED, "id-" + number, number, List.of(), List.of()));
                } else {
                    next.put(number, r.values());
                    out.add(new RowResult(r.row(), RowOutcome.UPDATE, "id-" + number, number,
                            List.of(new FieldChange("legalName", old.get("legalName"), name)), List.of()));
                }
            }
            boolean invalid = out.stream().anyMatch(x -> x.outcome() == RowOutcome.ERROR);
            if (dryRun || invalid && options.onError() == ImportOptions.OnError.ABORT) {
                return new BulkResult(out, false);
            }
            stored.clear();
            stored.putAll(next);
            writes++;
            return new BulkResult(out, true);
        }
    }

    /** A client service that answers search from a list (for the export). */
    static ClientService clients(List<Client> all) {
        return (ClientService) Proxy.newProxyInstance(ClientService.class.getClassLoader(),
                new Class<?>[] {ClientService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("search")) {
                        ClientQuery q = (ClientQuery) args[0];
                        int from = Math.min(q.offset(), all.size());
                        return new Page<>(all.subList(from, Math.min(all.size(), from + q.limit())), all.size(),
                                q.limit(), q.offset());
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /**
     * A store that answers search from the list and hands it out in chunks of {@code chunk}
     * from {@code forEachClient}; with {@code chunk} 0 it keeps the interface's default
     * (offset paging through search). {@code failAfter} chunks, it throws.
     */
    static ClientStore store(List<Client> all, int chunk, int failAfter) {
        return new ClientStore() {
            @Override
            public <T> T write(java.util.function.Function<ClientWriter, T> work) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Optional<Client> find(String id) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Page<Client> search(ClientQuery q) {
                int from = Math.min(q.offset(), all.size());
                return new Page<>(all.subList(from, Math.min(all.size(), from + q.limit())), all.size(), q.limit(),
                        q.offset());
            }

            @Override
            public void forEachClient(ClientQuery query, java.util.function.Consumer<List<Client>> sink) {
                if (chunk == 0) {
                    ClientStore.super.forEachClient(query, sink);
                    return;
                }
                for (int from = 0, n = 0; from < all.size(); from += chunk, n++) {
                    if (n == failAfter) {
                        throw new IllegalStateException("the store failed");
                    }
                    sink.accept(all.subList(from, Math.min(all.size(), from + chunk)));
                }
            }

            @Override
            public Page<Activity> activity(String clientId, int limit, int offset) {
                throw new UnsupportedOperationException();
            }

            @Override
            public boolean ping() {
                return true;
            }
        };
    }

    static ClientStore store(List<Client> all) {
        return store(all, 500, -1);
    }
}
