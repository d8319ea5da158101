package org.clientele.persistence.internal.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.persistence.CascadeType;
import javax.persistence.Column;
import javax.persistence.Convert;
import javax.persistence.Entity;
import javax.persistence.GeneratedValue;
import javax.persistence.GenerationType;
import javax.persistence.Id;
import javax.persistence.Index;
import javax.persistence.NamedQuery;
import javax.persistence.OneToMany;
import javax.persistence.QueryHint;
import javax.persistence.OrderBy;
import javax.persistence.Table;
import javax.persistence.TableGenerator;
import javax.persistence.UniqueConstraint;
import javax.persistence.Version;

import org.clientele.api.ClientQuery;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.eclipse.persistence.config.QueryHints;

/**
 * A client row. Besides the record's fields it keeps folded keys for sorting
 * ({@code sort_name}, {@code city_key}) and for the near-duplicate lookup
 * ({@code name_key}, {@code postal_key}). Every list index ends in the primary key, the
 * paging tie-breaker, so a page can be read in index order.
 */
@Entity(name = "Client")
@NamedQuery(name = ClientEntity.BY_PUBLIC_ID, query = "SELECT c FROM Client c WHERE c.publicId = :id",
        hints = {
            @QueryHint(name = QueryHints.LEFT_FETCH, value = "c.contacts"),
            @QueryHint(name = QueryHints.LEFT_FETCH, value = "c.tags")})
@Table(name = "client",
        uniqueConstraints = {
            @UniqueConstraint(name = Columns.UQ_CLIENT_PUBLIC_ID, columnNames = "public_id"),
            @UniqueConstraint(name = Columns.UQ_CLIENT_NUMBER, columnNames = "number"),
            @UniqueConstraint(name = Columns.UQ_CLIENT_TAX_ID, columnNames = "tax_id")},
        indexes = {
            @Index(name = "ix_client_name", columnList = "archived, sort_name, pk"),
            @Index(name = "ix_client_number", columnList = "archived, number, pk"),
            @Index(name = "ix_client_city", columnList = "archived, city_key, pk"),
            @Index(name = "ix_client_country", columnList = "country, archived, sort_name, pk"),
            @Index(name = "ix_client_created", columnList = "archived, created_at, pk"),
            @Index(name = "ix_client_updated", columnList = "archived, updated_at, pk"),
            @Index(name = "ix_client_similar", columnList = "postal_key, name_key")})
public class ClientEntity {

    /**
     * One client by its public id, with contacts and tags in the same statement. A named
     * query is prepared once; the same query built per call with these hints was prepared
     * (SQL generated) on every execution, 40 % of a GET's time in the database layer.
     */
    public static final String BY_PUBLIC_ID = "Client.byPublicId";


    @Id
    @Column(name = "pk")
    @TableGenerator(name = "client_pk", table = Columns.ID_TABLE, pkColumnName = "name",
            valueColumnName = "next_value", pkColumnValue = "client", allocationSize = Columns.ID_ALLOCATION)
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "client_pk")
    private Long pk;

    @Column(name = "public_id", length = Columns.PUBLIC_ID, nullable = false, updatable = false)
    private String publicId;

    @Column(name = "number", length = Columns.NUMBER, nullable = false)
    private String number;

    @Column(name = "legal_name", length = Columns.NAME, nullable = false)
    private String legalName;

    @Column(name = "sort_name", length = Columns.NAME, nullable = false)
    private String sortName;

    @Column(name = "name_key", length = Columns.NAME, nullable = false)
    private String nameKey;

    @Column(name = "tax_id", length = Columns.TAX_ID)
    private String taxId;

    @Column(name = "tax_country", length = Columns.COUNTRY)
    private String taxCountry;

    @Column(name = "tax_kind", length = Columns.CODE)
    private String taxKind;

    @Column(name = "tax_status", length = Columns.CODE)
    private String taxStatus;

    @Column(name = "street", length = Columns.STREET)
    private String street;

    @Column(name = "postal_code", length = Columns.POSTAL_CODE)
    private String postalCode;

    @Column(name = "postal_key", length = Columns.POSTAL_CODE)
    private String postalKey;

    @Column(name = "city", length = Columns.PLACE)
    private String city;

    @Column(name = "city_key", length = Columns.PLACE)
    private String cityKey;

    @Column(name = "region", length = Columns.PLACE)
    private String region;

    @Column(name = "country", length = Columns.COUNTRY)
    private String country;

    @Column(name = "email", length = Columns.EMAIL)
    private String email;

    @Column(name = "phone", length = Columns.PHONE)
    private String phone;

    @Column(name = "website", length = Columns.WEBSITE)
    private String website;

    /**
     * The contacts and tags as one text (written with them, see {@code ClientChildren}), so that
     * a read of the row alone has the whole client; {@code -} when longer than
     * {@link Columns#CHILDREN}; null in rows written before 0.5.6 until {@code ChildrenBackfill}
     * fills them.
     */
    @Column(name = "children", length = Columns.CHILDREN)
    private String children;

    @Column(name = "archived", nullable = false)
    private boolean archived;

    @Column(name = "created_at", nullable = false, updatable = false)
    @Convert(converter = InstantMicrosConverter.class)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    @Convert(converter = InstantMicrosConverter.class)
    private Instant updatedAt;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    @OneToMany(mappedBy = "client", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(value = BatchFetchType.IN, size = ClientQuery.MAX_LIMIT)
    private List<ContactEntity> contacts = new ArrayList<>();

    @OneToMany(mappedBy = "client", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    @BatchFetch(value = BatchFetchType.IN, size = ClientQuery.MAX_LIMIT)
    private List<TagEntity> tags = new ArrayList<>();

    public Long getPk() {
        return pk;
    }

    public String getPublicId() {
        return publicId;
    }

    public void setPublicId(String publicId) {
        this.publicId = publicId;
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public String getLegalName() {
        return legalName;
    }

    public void setLegalName(String legalName) {
        this.legalName = legalName;
    }

    public String getSortName() {
        return sortName;
    }

    public void setSortName(String sortName) {
        this.sortName = sortName;
    }

    public void setNameKey(String nameKey) {
        this.nameKey = nameKey;
    }

    public String getTaxId() {
        return taxId;
    }

    public void setTaxId(String taxId) {
        this.taxId = taxId;
    }

    public String getTaxCountry() {
        return taxCountry;
    }

    public void setTaxCountry(String taxCountry) {
        this.taxCountry = taxCountry;
    }

    public String getTaxKind() {
        return taxKind;
    }

    public void setTaxKind(String taxKind) {
        this.taxKind = taxKind;
    }

    public String getTaxStatus() {
        return taxStatus;
    }

    public void setTaxStatus(String taxStatus) {
        this.taxStatus = taxStatus;
    }

    public String getStreet() {
        return street;
    }

    public void setStreet(String street) {
        this.street = street;
    }

    public String getPostalCode() {
        return postalCode;
    }

    public void setPostalCode(String postalCode) {
        this.postalCode = postalCode;
    }

    public void setPostalKey(String postalKey) {
        this.postalKey = postalKey;
    }

    public String getCity() {
        return city;
    }

    public void setCity(String city) {
        this.city = city;
    }

    public void setCityKey(String cityKey) {
        this.cityKey = cityKey;
    }

    public String getRegion() {
        return region;
    }

    public void setRegion(String region) {
        this.region = region;
    }

    public String getCountry() {
        return country;
    }

    public void setCountry(String country) {
        this.country = country;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getPhone() {
        return phone;
    }

    public void setPhone(String phone) {
        this.phone = phone;
    }

    public String getWebsite() {
        return website;
    }

    public void setWebsite(String website) {
        this.website = website;
    }

    public String getChildren() {
        return children;
    }

    public void setChildren(String children) {
        this.children = children;
    }

    public boolean isArchived() {
        return archived;
    }

    public void setArchived(boolean archived) {
        this.archived = archived;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(Instant createdAt) {
        this.createdAt = createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public void setUpdatedAt(Instant updatedAt) {
        this.updatedAt = updatedAt;
    }

    public long getVersion() {
        return version;
    }

    public List<ContactEntity> getContacts() {
        return contacts;
    }

    public List<TagEntity> getTags() {
        return tags;
    }
}
