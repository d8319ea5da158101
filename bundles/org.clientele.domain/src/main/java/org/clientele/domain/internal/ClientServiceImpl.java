package org.clientele.domain.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.clientele.api.Activity;
import org.clientele.api.Actor;
import org.clientele.api.Client;
import org.clientele.api.ClientDraft;
import org.clientele.api.ClientQuery;
import org.clientele.api.ClientService;
import org.clientele.api.DuplicateException;
import org.clientele.api.FieldChange;
import org.clientele.api.FieldError;
import org.clientele.api.Health;
import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.SaveResult;
import org.clientele.api.TaxIdValidator;
import org.clientele.api.ValidationException;
import org.clientele.api.VersionConflictException;
import org.clientele.api.Warning;
import org.clientele.api.spi.ClientErasure;
import org.clientele.api.store.ClientStore;
import org.clientele.api.store.ClientWriter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The client service: rules, numbers, duplicates and history on top of the storage port. */
@Component(service = ClientService.class, name = "org.clientele.domain")
@Designate(ocd = DomainConfig.class)
public class ClientServiceImpl implements ClientService {
    static final String NUMBER_COUNTER = "client.number";
    private static final Logger LOG = LoggerFactory.getLogger(ClientServiceImpl.class);
    private static final int MAX_NUMBER_ATTEMPTS = 1000;

    private final ClientStore store;
    private final ClientValidator validator;
    private final DomainConfig config;
    private final Clock clock;
    /** Extensions' records to erase with a client: called inside the erase transaction. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    final List<ClientErasure> erasures = new CopyOnWriteArrayList<>();
    private volatile Health cachedHealth;
    private volatile long healthCheckedAt;

    @Activate
    public ClientServiceImpl(@Reference ClientStore store, @Reference TaxIdValidator taxIds, DomainConfig config) {
        this(store, taxIds, config, Clock.systemUTC());
    }

    ClientServiceImpl(ClientStore store, TaxIdValidator taxIds, DomainConfig config, Clock clock) {
        this.store = store;
        this.validator = new ClientValidator(taxIds);
        this.config = config;
        this.clock = clock;
    }

    @Override
    public SaveResult create(ClientDraft draft, Actor actor) {
        ClientValidator.Valid v = validator.validate(draft);
        ClientDraft d = v.draft();
        SaveResult result = store.write(w -> {
            checkUnique(w, null, d);
            String number = d.number() != null ? d.number() : assignNumber(w);
            Instant now = now();
            Client c = new Client(UUID.randomUUID().toString(), number, d.legalName(), d.taxId(), v.taxIdInfo(),
                    d.address(), d.email(), d.phone(), d.website(), d.contacts(), d.tags(), false, now, now, 0);
            List<Warning> warnings = similar(w, c);
            Client stored = w.insert(c);
            record(w, stored, actor, Activity.Action.CREATED, Changes.between(null, stored));
            return new SaveResult(stored, warnings);
        });
        LOG.debug("Client {} created by {} via {}", result.client().number(), actor.user(), actor.channel());
        return result;
    }

    @Override
    public Client get(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("client", id));
    }

    @Override
    public SaveResult update(String id, long expectedVersion, ClientDraft draft, Actor actor) {
        ClientValidator.Valid v = validator.validate(draft);
        return store.write(w -> {
            Client current = current(w, id, expectedVersion);
            ClientDraft d = v.draft().number() == null ? v.draft().withNumber(current.number()) : v.draft();
            checkUnique(w, id, d);
            Client changed = new Client(id, d.number(), d.legalName(), d.taxId(), v.taxIdInfo(), d.address(),
                    d.email(), d.phone(), d.website(), d.contacts(), d.tags(), current.archived(),
                    current.createdAt(), now(), current.version());
            List<FieldChange> changes = Changes.between(current, changed);
            if (changes.isEmpty()) {
                return new SaveResult(current, List.of());
            }
            boolean identityChanged = !Objects.equals(current.legalName(), changed.legalName())
                    || !Objects.equals(current.address().postalCode(), changed.address().postalCode());
            List<Warning> warnings = identityChanged ? similar(w, changed) : List.of();
            Client stored = w.update(changed, expectedVersion);
            record(w, stored, actor, Activity.Action.UPDATED, changes);
            return new SaveResult(stored, warnings);
        });
    }

    @Override
    public Client archive(String id, long expectedVersion, Actor actor) {
        return setArchived(id, expectedVersion, actor, true);
    }

    @Override
    public Client restore(String id, long expectedVersion, Actor actor) {
        return setArchived(id, expectedVersion, actor, false);
    }

    private Client setArchived(String id, long expectedVersion, Actor actor, boolean archived) {
        return store.write(w -> {
            Client current = current(w, id, expectedVersion);
            if (current.archived() == archived) {
                return current;
            }
            Client changed = current.withArchived(archived, now());
            Client stored = w.update(changed, expectedVersion);
            // the Activity contract: no field changes for archive and restore
            record(w, stored, actor, archived ? Activity.Action.ARCHIVED : Activity.Action.RESTORED, List.of());
            return stored;
        });
    }

    @Override
    public void erase(String id, long expectedVersion, Actor actor) {
        store.write(w -> {
            Client current = current(w, id, expectedVersion);
            // the client's row first: deleting it locks it, so a transaction that holds the
            // client to create records of it (ClientHold) has committed before the extensions
            // erase below (which then see its records) or finds no client after this commits
            w.delete(id, expectedVersion);
            // the extensions in this transaction: their rows go with the client or not at all
            for (ClientErasure e : erasures) {
                e.erase(id);
            }
            LOG.info("Client {} erased with its history by {} via {}", current.number(), actor.user(), actor.channel());
            return null;
        });
    }

    @Override
    public boolean eraseUntouched(String id, long expectedVersion, Actor actor) {
        try {
            return store.write(w -> {
                Client current = current(w, id, expectedVersion);
                // a store gives a new client version 1 and raises it with every change (ClientWriter)
                if (current.version() != 1) {
                    return false;
                }
                // the row first, as in erase: from here on no record of the client can be created
                // (ClientHold waits for this transaction), so the answers below stay true
                w.delete(id, expectedVersion);
                for (ClientErasure e : erasures) {
                    if (e.holdsRecords(id)) {
                        throw new Kept();
                    }
                }
                for (ClientErasure e : erasures) {
                    e.erase(id);
                }
                LOG.info("Client {} erased untouched with its history by {} via {}", current.number(), actor.user(),
                        actor.channel());
                return true;
            });
        } catch (Kept kept) {
            // thrown out of the transaction to roll the delete back
            return false;
        }
    }

    /** Rolls back the delete of a client that an extension holds records of. */
    private static final class Kept extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Kept() {
            super("the client has records", null, false, false);
        }
    }

    @Override
    public Page<Client> search(ClientQuery query) {
        List<FieldError> errors = new ArrayList<>();
        if (query.limit() < 1 || query.limit() > ClientQuery.MAX_LIMIT) {
            errors.add(new FieldError("limit", FieldError.INVALID, "limit must be between 1 and " + ClientQuery.MAX_LIMIT + "."));
        }
        if (query.offset() < 0) {
            errors.add(new FieldError("offset", FieldError.INVALID, "offset must not be negative."));
        }
        String country = query.country();
        if (country != null && !country.isBlank()) {
            country = country.strip().toUpperCase(java.util.Locale.ROOT);
            if (!FieldRules.COUNTRIES.contains(country)) {
                errors.add(new FieldError("country", FieldError.INVALID, "'" + query.country() + "' is not an ISO 3166-1 alpha-2 country code."));
            }
        } else {
            country = null;
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        String tag = Text.clean(query.tag());
        return store.search(new ClientQuery(Text.clean(query.text()), country,
                tag == null ? null : tag.toLowerCase(java.util.Locale.ROOT), query.archived(), query.sort(),
                query.limit(), query.offset()));
    }

    @Override
    public Page<Activity> activity(String id, int limit, int offset) {
        if (limit < 1 || limit > ClientQuery.MAX_LIMIT || offset < 0) {
            throw new ValidationException(new FieldError(limit < 1 || limit > ClientQuery.MAX_LIMIT ? "limit" : "offset",
                    FieldError.INVALID, "limit must be 1 to " + ClientQuery.MAX_LIMIT + " and offset not negative."));
        }
        get(id);
        return store.activity(id, limit, offset);
    }

    @Override
    public Health health() {
        long nowMillis = clock.millis();
        Health h = cachedHealth;
        if (h == null || nowMillis - healthCheckedAt > config.healthCacheMillis()) {
            boolean db = store.ping();
            h = new Health(db, Map.of("database", db ? "UP" : "DOWN: the database does not answer", "clients", "UP"));
            cachedHealth = h;
            healthCheckedAt = nowMillis;
        }
        return h;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static Client current(ClientWriter w, String id, long expectedVersion) {
        Client current = w.find(id).orElseThrow(() -> new NotFoundException("client", id));
        if (current.version() != expectedVersion) {
            throw new VersionConflictException(id, expectedVersion, current.version());
        }
        return current;
    }

    private static void checkUnique(ClientWriter w, String selfId, ClientDraft d) {
        if (d.taxId() != null) {
            Optional<Client> other = w.findByTaxId(d.taxId()).filter(c -> !c.id().equals(selfId));
            other.ifPresent(c -> {
                throw new DuplicateException("taxId", d.taxId(), c.id(), c.number(), c.legalName());
            });
        }
        if (d.number() != null) {
            Optional<Client> other = w.findByNumber(d.number()).filter(c -> !c.id().equals(selfId));
            other.ifPresent(c -> {
                throw new DuplicateException("number", d.number(), c.id(), c.number(), c.legalName());
            });
        }
    }

    private String assignNumber(ClientWriter w) {
        for (int i = 0; i < MAX_NUMBER_ATTEMPTS; i++) {
            String candidate = formatNumber(w.nextValue(NUMBER_COUNTER));
            if (w.findByNumber(candidate).isEmpty()) {
                return candidate;
            }
        }
        throw new IllegalStateException("No free customer number after " + MAX_NUMBER_ATTEMPTS
                + " attempts: check the numberPrefix configuration of org.clientele.domain.");
    }

    String formatNumber(long n) {
        String digits = Long.toString(n);
        StringBuilder sb = new StringBuilder(config.numberPrefix());
        for (int i = digits.length(); i < config.numberDigits(); i++) {
            sb.append('0');
        }
        return sb.append(digits).toString();
    }

    private List<Warning> similar(ClientWriter w, Client c) {
        if (!config.duplicateWarnings()) {
            return List.of();
        }
        List<Warning> out = new ArrayList<>();
        for (Client other : w.findSimilar(c.legalName(), c.address().postalCode(), 5)) {
            if (!other.id().equals(c.id())) {
                out.add(new Warning(Warning.POSSIBLE_DUPLICATE, "Client " + other.number() + " (" + other.legalName()
                        + ") has the same legal name and postal code.", other.id()));
            }
        }
        return out;
    }

    private void record(ClientWriter w, Client c, Actor actor, Activity.Action action, List<FieldChange> changes) {
        w.append(new Activity(null, c.id(), c.updatedAt(), actor.user(), actor.channel(), actor.reference(), action,
                changes));
    }
}
