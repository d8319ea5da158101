package org.clientele.domain.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.clientele.api.Activity;
import org.clientele.api.Actor;
import org.clientele.api.Client;
import org.clientele.api.ClientDraft;
import org.clientele.api.FieldChange;
import org.clientele.api.FieldError;
import org.clientele.api.TaxIdCheck;
import org.clientele.api.TaxIdValidator;
import org.clientele.api.ValidationException;
import org.clientele.api.io.BulkResult;
import org.clientele.api.io.ClientBulkService;
import org.clientele.api.io.ClientColumns;
import org.clientele.api.io.ImportOptions;
import org.clientele.api.io.ImportRow;
import org.clientele.api.io.RowError;
import org.clientele.api.io.RowOutcome;
import org.clientele.api.io.RowResult;
import org.clientele.api.store.ClientStore;
import org.clientele.api.store.ClientWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * The bulk path of imports: the same validation and normalisation as {@link ClientServiceImpl}
 * ({@link ClientValidator}), the same history ({@link Changes}), but one lookup query per
 * batch for the keys, numbers and tax IDs, one transaction and batched inserts per batch.
 * Shares the configuration (number prefix and digits) of {@code org.clientele.domain}.
 */
@Component(service = ClientBulkService.class, name = "org.clientele.domain.bulk",
        configurationPid = "org.clientele.domain")
public class BulkUpsert implements ClientBulkService {

    private final ClientStore store;
    private final TaxIdValidator taxIds;
    private final ClientValidator validator;
    private final DomainConfig config;
    private final Clock clock;

    @Activate
    public BulkUpsert(@Reference ClientStore store, @Reference TaxIdValidator taxIds, DomainConfig config) {
        this(store, taxIds, config, Clock.systemUTC());
    }

    BulkUpsert(ClientStore store, TaxIdValidator taxIds, DomainConfig config, Clock clock) {
        this.store = store;
        this.taxIds = taxIds;
        this.validator = new ClientValidator(taxIds);
        this.config = config;
        this.clock = clock;
    }

    /** A row on its way: its decision and what to write. */
    private static final class Work {
        final ImportRow row;
        String key;
        Client existing;
        Client next;
        RowOutcome outcome;
        List<FieldChange> changes = List.of();
        List<FieldChange> columnChanges = List.of();
        final List<RowError> errors = new ArrayList<>();

        Work(ImportRow row) {
            this.row = row;
        }

        void fail(String column, String code, String message) {
            outcome = RowOutcome.ERROR;
            errors.add(new RowError(column, code, message));
        }

        RowResult result() {
            Client c = next != null ? next : existing;
            return new RowResult(row.row(), outcome, c == null ? null : c.id(), c == null ? null : c.number(),
                    outcome == RowOutcome.UPDATE || outcome == RowOutcome.CREATE ? columnChanges : List.of(), errors);
        }
    }

    @Override
    public BulkResult upsertBatch(List<ImportRow> rows, ImportOptions options, Actor actor, boolean dryRun) {
        ImportOptions o = options == null ? ImportOptions.defaults() : options;
        return store.write(w -> run(w, rows, o, actor, dryRun));
    }

    private BulkResult run(ClientWriter w, List<ImportRow> rows, ImportOptions o, Actor actor, boolean dryRun) {
        List<Work> work = new ArrayList<>(rows.size());
        Set<String> numbers = new HashSet<>();
        Set<String> taxIdSet = new HashSet<>();
        for (ImportRow r : rows) {
            Work x = new Work(r);
            work.add(x);
            String n = number(r.values().get(ClientColumns.NUMBER));
            if (n != null) {
                numbers.add(n);
            }
            String t = taxId(r.values().get(ClientColumns.TAX_ID), r.values().get(ClientColumns.COUNTRY));
            if (t != null) {
                taxIdSet.add(t);
            }
        }
        Map<String, Client> byNumber = new HashMap<>(w.findByNumbers(numbers));
        Map<String, Client> byTaxId = new HashMap<>(w.findByTaxIds(taxIdSet));

        // 1. the key, duplicates in the batch, the stored client
        Map<String, Long> keys = new HashMap<>();
        for (Work x : work) {
            Map<String, String> v = x.row.values();
            switch (o.key()) {
                case NUMBER -> {
                    x.key = number(v.get(ClientColumns.NUMBER));
                    x.existing = x.key == null ? null : byNumber.get(x.key);
                }
                case TAX_ID -> {
                    x.key = taxId(v.get(ClientColumns.TAX_ID), v.get(ClientColumns.COUNTRY));
                    x.existing = x.key == null ? null : byTaxId.get(x.key);
                }
                case LEGAL_NAME -> {
                    String name = Text.clean(v.get(ClientColumns.LEGAL_NAME));
                    String postal = Text.clean(v.get(ClientColumns.POSTAL_CODE));
                    if (name != null && postal != null) {
                        x.key = InMemoryKeys.name(name) + "|" + postal.replace(" ", "").toUpperCase(Locale.ROOT);
                        List<Client> similar = w.findSimilar(name, postal, 2);
                        if (similar.size() > 1) {
                            x.fail(ClientColumns.LEGAL_NAME, "AMBIGUOUS", "More than one client has this legal name"
                                    + " and postal code (" + similar.get(0).number() + ", " + similar.get(1).number()
                                    + "); import by number or tax ID instead.");
                        } else if (similar.size() == 1) {
                            x.existing = similar.get(0);
                        }
                    }
                }
                default -> throw new IllegalArgumentException("unknown key " + o.key());
            }
            if (x.key != null) {
                Long first = keys.putIfAbsent(x.key, x.row.row());
                if (first != null) {
                    x.fail(keyColumn(o.key()), RowError.DUPLICATE_IN_FILE,
                            "Row " + first + " has the same " + keyName(o.key()) + "; this row is left out.");
                }
            }
        }

        // 2. merge, validate, decide
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Map<String, Long> claimedNumbers = new HashMap<>();
        Map<String, Long> claimedTaxIds = new HashMap<>();
        for (Work x : work) {
            if (x.outcome == RowOutcome.ERROR) {
                continue;
            }
            if (x.existing != null && o.mode() == ImportOptions.Mode.CREATE) {
                x.outcome = RowOutcome.SKIP;
                x.errors.add(new RowError(keyColumn(o.key()), RowError.EXISTS, "Client " + x.existing.number()
                        + " (" + x.existing.legalName() + ") exists already; mode=create leaves it as it is."));
                continue;
            }
            Map<String, String> merged = merge(x.existing, x.row.values(), o.blank());
            ClientValidator.Valid valid;
            try {
                valid = validator.validate(ClientColumns.draft(merged));
            } catch (ValidationException e) {
                for (FieldError fe : e.errors()) {
                    x.fail(ClientColumns.columnOf(fe.field()), fe.code(), fe.message());
                }
                continue;
            }
            ClientDraft d = valid.draft();
            String selfId = x.existing == null ? null : x.existing.id();
            if (d.number() != null) {
                Client other = numbers.contains(d.number()) ? byNumber.get(d.number())
                        : w.findByNumber(d.number()).orElse(null);
                if (other != null && !other.id().equals(selfId)) {
                    x.fail(ClientColumns.NUMBER, RowError.DUPLICATE, "Client " + other.number() + " ("
                            + other.legalName() + ") already has number " + d.number() + ".");
                }
                Long row = claimedNumbers.putIfAbsent(d.number(), x.row.row());
                if (row != null) {
                    x.fail(ClientColumns.NUMBER, RowError.DUPLICATE_IN_FILE, "Row " + row + " has number " + d.number() + " too.");
                }
            }
            if (d.taxId() != null) {
                Client other = taxIdSet.contains(d.taxId()) ? byTaxId.get(d.taxId())
                        : w.findByTaxId(d.taxId()).orElse(null);
                if (other != null && !other.id().equals(selfId)) {
                    x.fail(ClientColumns.TAX_ID, RowError.DUPLICATE, "Client " + other.number() + " ("
                            + other.legalName() + ") already has tax ID " + d.taxId() + ".");
                }
                Long row = claimedTaxIds.putIfAbsent(d.taxId(), x.row.row());
                if (row != null) {
                    x.fail(ClientColumns.TAX_ID, RowError.DUPLICATE_IN_FILE, "Row " + row + " has tax ID " + d.taxId() + " too.");
                }
            }
            if (x.outcome == RowOutcome.ERROR) {
                continue;
            }
            if (x.existing == null) {
                x.next = new Client(UUID.randomUUID().toString(), d.number(), d.legalName(), d.taxId(),
                        valid.taxIdInfo(), d.address(), d.email(), d.phone(), d.website(), d.contacts(), d.tags(),
                        false, now, now, 0);
                x.outcome = RowOutcome.CREATE;
            } else {
                Client c = x.existing;
                String number = d.number() == null ? c.number() : d.number();
                Client changed = new Client(c.id(), number, d.legalName(), d.taxId(), valid.taxIdInfo(),
                        d.address(), d.email(), d.phone(), d.website(), d.contacts(), d.tags(), c.archived(),
                        c.createdAt(), now, c.version());
                x.changes = Changes.between(c, changed);
                if (x.changes.isEmpty()) {
                    x.outcome = RowOutcome.UNCHANGED;
                } else {
                    x.next = changed;
                    x.outcome = RowOutcome.UPDATE;
                    x.columnChanges = columnChanges(c, changed);
                }
            }
        }

        boolean invalid = work.stream().anyMatch(x -> x.outcome == RowOutcome.ERROR);
        if (dryRun || (invalid && o.onError() == ImportOptions.OnError.ABORT)) {
            for (Work x : work) {
                if (x.outcome == RowOutcome.CREATE) {
                    x.columnChanges = columnChanges(null, x.next);
                    x.next = null; // nothing stored: no id to report
                }
            }
            return new BulkResult(work.stream().map(Work::result).toList(), false);
        }

        // 3. write: numbers for the new clients, inserts, updates, history
        List<Work> created = work.stream().filter(x -> x.outcome == RowOutcome.CREATE).toList();
        assignNumbers(w, created, claimedNumbers.keySet());
        List<Client> inserts = new ArrayList<>(created.size());
        List<Activity> history = new ArrayList<>(work.size());
        for (Work x : created) {
            inserts.add(x.next);
            x.columnChanges = columnChanges(null, x.next);
            history.add(new Activity(null, x.next.id(), now, actor.user(), actor.channel(), actor.reference(),
                    Activity.Action.CREATED, Changes.between(null, x.next)));
        }
        w.insertAll(inserts);
        for (Work x : work) {
            if (x.outcome == RowOutcome.UPDATE) {
                x.next = w.update(x.next, x.existing.version());
                history.add(new Activity(null, x.next.id(), now, actor.user(), actor.channel(), actor.reference(),
                        Activity.Action.UPDATED, x.changes));
            }
        }
        w.appendAll(history);
        return new BulkResult(work.stream().map(Work::result).toList(), true);
    }

    /** Gives the new clients without a number the next free numbers, reserved in one go. */
    private void assignNumbers(ClientWriter w, List<Work> created, Set<String> claimed) {
        List<Work> open = new ArrayList<>(created.stream().filter(x -> x.next.number() == null).toList());
        while (!open.isEmpty()) {
            long first = w.nextValues(ClientServiceImpl.NUMBER_COUNTER, open.size());
            List<String> candidates = new ArrayList<>(open.size());
            for (int i = 0; i < open.size(); i++) {
                candidates.add(formatNumber(first + i));
            }
            Set<String> taken = new HashSet<>(w.findByNumbers(candidates).keySet());
            List<Work> still = new ArrayList<>();
            int c = 0;
            for (Work x : open) {
                while (c < candidates.size() && (taken.contains(candidates.get(c)) || claimed.contains(candidates.get(c)))) {
                    c++;
                }
                if (c < candidates.size()) {
                    Client n = x.next;
                    x.next = new Client(n.id(), candidates.get(c++), n.legalName(), n.taxId(), n.taxIdCheck(),
                            n.address(), n.email(), n.phone(), n.website(), n.contacts(), n.tags(), false,
                            n.createdAt(), n.updatedAt(), 0);
                } else {
                    still.add(x);
                }
            }
            open = still;
        }
    }

    private String formatNumber(long n) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(config.numberPrefix());
        for (int i = digits.length(); i < config.numberDigits(); i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    /** The stored client's values with the row's cells on top, following the blank rule. */
    private static Map<String, String> merge(Client existing, Map<String, String> row, ImportOptions.Blank blank) {
        Map<String, String> merged = existing == null ? new LinkedHashMap<>() : ClientColumns.values(existing);
        row.forEach((column, value) -> {
            if (value == null || value.isBlank()) {
                if (blank == ImportOptions.Blank.CLEAR || existing == null) {
                    merged.put(column, null);
                }
            } else {
                merged.put(column, value);
            }
        });
        return merged;
    }

    /** The canonical columns that differ, old → new. */
    static List<FieldChange> columnChanges(Client before, Client after) {
        Map<String, String> a = before == null ? Map.of() : ClientColumns.values(before);
        Map<String, String> b = ClientColumns.values(after);
        List<FieldChange> out = new ArrayList<>();
        for (String column : ClientColumns.ALL) {
            String old = a.get(column);
            String now = b.get(column);
            if (!Objects.equals(old, now)) {
                out.add(new FieldChange(column, old, now));
            }
        }
        return out;
    }

    private static String number(String raw) {
        String v = Text.clean(raw);
        return v == null ? null : v.replace(" ", "").toUpperCase(Locale.ROOT);
    }

    private String taxId(String raw, String country) {
        String v = Text.clean(raw);
        if (v == null) {
            return null;
        }
        String c = Text.clean(country);
        TaxIdCheck check = taxIds.check(v, c == null ? null : c.toUpperCase(Locale.ROOT));
        return check.valid() ? check.normalized() : null;
    }

    private static String keyColumn(ImportOptions.Key key) {
        return switch (key) {
            case NUMBER -> ClientColumns.NUMBER;
            case TAX_ID -> ClientColumns.TAX_ID;
            case LEGAL_NAME -> ClientColumns.LEGAL_NAME;
        };
    }

    private static String keyName(ImportOptions.Key key) {
        return switch (key) {
            case NUMBER -> "number";
            case TAX_ID -> "tax ID";
            case LEGAL_NAME -> "legal name and postal code";
        };
    }

    /** Folding for the in-batch legal-name key: case, accents and spacing ignored. */
    private static final class InMemoryKeys {
        private static final java.util.regex.Pattern MARKS = java.util.regex.Pattern.compile("\\p{M}+");
        private static final java.util.regex.Pattern NOT_ALNUM = java.util.regex.Pattern.compile("[^\\p{L}\\p{N}]+");

        static String name(String s) {
            String stripped = MARKS.matcher(java.text.Normalizer.normalize(s, java.text.Normalizer.Form.NFD)).replaceAll("");
            return NOT_ALNUM.matcher(stripped.toLowerCase(Locale.ROOT).replace("ß", "ss")).replaceAll("");
        }
    }
}
