package org.clientele.persistence.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntFunction;

import org.clientele.api.Activity;
import org.clientele.api.Address;
import org.clientele.api.Channel;
import org.clientele.api.Client;
import org.clientele.api.Contact;
import org.clientele.api.FieldChange;
import org.clientele.api.TaxIdInfo;
import org.clientele.persistence.internal.entity.ActivityEntity;
import org.clientele.persistence.internal.entity.ClientEntity;
import org.clientele.persistence.internal.entity.Columns;
import org.clientele.persistence.internal.entity.ContactEntity;
import org.clientele.persistence.internal.entity.FieldChangeEntity;
import org.clientele.persistence.internal.entity.TagEntity;

/** Copies between the API records and the entities; the records never see an entity. */
final class ClientMapper {

    private static final String ELLIPSIS = "…";

    private ClientMapper() {
    }

    /** A new entity for a client that is about to be inserted. */
    static ClientEntity newEntity(Client client) {
        ClientEntity entity = new ClientEntity();
        entity.setPublicId(client.id());
        entity.setCreatedAt(stored(client.createdAt()));
        apply(client, entity);
        return entity;
    }

    /** Copies everything but the id, the creation time and the version into {@code entity}. */
    static void apply(Client client, ClientEntity entity) {
        entity.setNumber(client.number());
        entity.setLegalName(client.legalName());
        entity.setSortName(sortName(client));
        entity.setNameKey(nameKey(client.legalName()));
        entity.setTaxId(client.taxId());
        TaxIdInfo tax = client.taxIdCheck();
        entity.setTaxCountry(tax == null ? null : tax.country());
        entity.setTaxKind(tax == null ? null : tax.kind());
        entity.setTaxStatus(tax == null ? null : tax.status());
        Address address = client.address() == null ? new Address(null, null, null, null, null) : client.address();
        entity.setStreet(address.street());
        entity.setPostalCode(address.postalCode());
        entity.setPostalKey(postalKey(address.postalCode()));
        entity.setCity(address.city());
        entity.setCityKey(TextFolding.truncate(TextFolding.sortKey(address.city()), Columns.PLACE));
        entity.setRegion(address.region());
        entity.setCountry(country(client));
        entity.setEmail(client.email());
        entity.setPhone(client.phone());
        entity.setWebsite(client.website());
        entity.setArchived(client.archived());
        entity.setUpdatedAt(stored(client.updatedAt()));
        List<Contact> contacts = client.contacts();
        resize(entity.getContacts(), contacts.size(), position -> new ContactEntity(entity, position));
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            entity.getContacts().get(i).set(c.name(), c.role(), c.email(), c.phone());
        }
        List<String> tags = client.tags();
        resize(entity.getTags(), tags.size(), position -> new TagEntity(entity, position));
        for (int i = 0; i < tags.size(); i++) {
            entity.getTags().get(i).setTag(tags.get(i));
        }
        // for the version the write commits: 1 for a new row, one more for an update (which
        // always raises it by one, see JpaClientWriter#update)
        entity.setChildren(ClientChildren.encode(contacts, tags, entity.getVersion() + 1));
    }

    static Client toClient(ClientEntity e) {
        TaxIdInfo tax = e.getTaxCountry() == null && e.getTaxKind() == null && e.getTaxStatus() == null
                ? null
                : new TaxIdInfo(e.getTaxCountry(), e.getTaxKind(), e.getTaxStatus());
        Address address = new Address(e.getStreet(), e.getPostalCode(), e.getCity(), e.getRegion(), e.getCountry());
        // by position: the join-fetching query (Client.byPublicId) does not apply @OrderBy and
        // gave contacts and tags in the join's order, which Derby does not keep stable
        List<Contact> contacts = e.getContacts().stream()
                .sorted(Comparator.comparingInt(ContactEntity::getPosition))
                .map(c -> new Contact(c.getName(), c.getRole(), c.getEmail(), c.getPhone()))
                .toList();
        return new Client(e.getPublicId(), e.getNumber(), e.getLegalName(), e.getTaxId(), tax, address,
                e.getEmail(), e.getPhone(), e.getWebsite(), contacts,
                e.getTags().stream().sorted(Comparator.comparingInt(TagEntity::getPosition))
                        .map(TagEntity::getTag).toList(), e.isArchived(),
                e.getCreatedAt(), e.getUpdatedAt(), e.getVersion());
    }

    static ActivityEntity newEntity(Activity activity) {
        ActivityEntity entity = new ActivityEntity();
        entity.setClientId(activity.clientId());
        entity.setOccurredAt(stored(activity.at()));
        entity.setUser(activity.user());
        entity.setChannel(activity.channel().name());
        entity.setReference(activity.reference());
        entity.setAction(activity.action().name());
        List<FieldChange> changes = new ArrayList<>(activity.changes().size());
        for (FieldChange change : activity.changes()) {
            changes.add(new FieldChange(change.field(), changeValue(change.oldValue()), changeValue(change.newValue())));
        }
        if (changes.isEmpty()) {
            return entity;
        }
        // one row for the entry when its changes fit; one row per change otherwise
        String text = ChangeText.encode(changes);
        if (text.length() <= ActivityEntity.CHANGES_TEXT) {
            entity.setChangesText(text);
            return entity;
        }
        for (int i = 0; i < changes.size(); i++) {
            FieldChange change = changes.get(i);
            entity.getChanges().add(new FieldChangeEntity(entity, i, change.field(), change.oldValue(), change.newValue()));
        }
        return entity;
    }

    static Activity toActivity(ActivityEntity e) {
        List<FieldChange> changes = e.getChangesText() != null
                ? ChangeText.decode(e.getChangesText())
                : e.getChanges().stream()
                        .map(c -> new FieldChange(c.getField(), c.getOldValue(), c.getNewValue()))
                        .toList();
        return new Activity(String.valueOf(e.getPk()), e.getClientId(), e.getOccurredAt(), e.getUser(),
                Channel.valueOf(e.getChannel()), e.getReference(), Activity.Action.valueOf(e.getAction()), changes);
    }

    /**
     * Gives a list of positional child rows {@code size} elements by adding rows at the end
     * or removing them from the end: a row keeps its key (owner, position) for good, so an
     * update never deletes and re-inserts the same key in one flush.
     */
    private static <E> void resize(List<E> stored, int size, IntFunction<E> newRow) {
        while (stored.size() > size) {
            stored.remove(stored.size() - 1);
        }
        while (stored.size() < size) {
            stored.add(newRow.apply(stored.size()));
        }
    }

    /** The key a client's list is sorted by when sorted by legal name. */
    static String sortName(Client client) {
        return TextFolding.truncate(TextFolding.sortKey(client.legalName()), Columns.NAME);
    }

    static String country(Client client) {
        return client.address() == null ? null : client.address().country();
    }

    /** The key that {@code findSimilar} compares legal names by. */
    static String nameKey(String legalName) {
        return TextFolding.truncate(TextFolding.matchKey(legalName), Columns.NAME);
    }

    /** The key that {@code findSimilar} compares postal codes by; "" when there is none. */
    static String postalKey(String postalCode) {
        return TextFolding.truncate(TextFolding.compact(TextFolding.fold(postalCode)), Columns.POSTAL_CODE);
    }

    /** A point in time as the database keeps it: to the microsecond. */
    private static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }

    /** A field change's value, cut to the column size with an ellipsis at the end. */
    private static String changeValue(String value) {
        if (value == null || value.length() <= Columns.CHANGE_VALUE) {
            return value;
        }
        return TextFolding.truncate(value, Columns.CHANGE_VALUE - ELLIPSIS.length()) + ELLIPSIS;
    }
}
