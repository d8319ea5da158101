package org.clientele.persistence.internal.entity;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.IdClass;
import javax.persistence.Index;
import javax.persistence.JoinColumn;
import javax.persistence.ManyToOne;
import javax.persistence.Table;

/**
 * One contact person of a client, identified by the client and its position in the list.
 * (An entity rather than an embeddable: EclipseLink 2.7 cannot batch-fetch element
 * collections of embeddables inside a transaction.)
 */
@Entity(name = "Contact")
@IdClass(ChildKey.class)
@Table(name = "client_contact", indexes = @Index(name = "ix_contact_client", columnList = "client_pk, position"))
public class ContactEntity {

    @Id
    @ManyToOne(optional = false)
    @JoinColumn(name = "client_pk")
    private ClientEntity client;

    @Id
    @Column(name = "position")
    private int position;

    /** The client's key as a plain value, for report queries that need no join to the client. */
    @Column(name = "client_pk", insertable = false, updatable = false)
    private Long clientPk;

    @Column(name = "name", length = Columns.NAME)
    private String name;

    @Column(name = "contact_role", length = Columns.NAME)
    private String role;

    @Column(name = "email", length = Columns.EMAIL)
    private String email;

    @Column(name = "phone", length = Columns.PHONE)
    private String phone;

    protected ContactEntity() {
    }

    public ContactEntity(ClientEntity client, int position) {
        this.client = client;
        this.position = position;
    }

    public String getName() {
        return name;
    }

    public String getRole() {
        return role;
    }

    public String getEmail() {
        return email;
    }

    public String getPhone() {
        return phone;
    }

    public void set(String newName, String newRole, String newEmail, String newPhone) {
        this.name = newName;
        this.role = newRole;
        this.email = newEmail;
        this.phone = newPhone;
    }

    /** The place in the client's list (0 first). */
    public int getPosition() {
        return position;
    }
}
