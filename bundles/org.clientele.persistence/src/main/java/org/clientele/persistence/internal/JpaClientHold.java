package org.clientele.persistence.internal;

import org.apache.aries.jpa.template.JpaTemplate;
import org.apache.aries.jpa.template.TransactionType;
import org.clientele.api.NotFoundException;
import org.clientele.api.spi.ClientHold;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Holds a client for the caller's transaction: reads its row with Derby's read stability
 * ({@code WITH RS}: the shared lock stays until the transaction ends), so that an erase,
 * which deletes the row first, waits for the caller to commit. Shared locks: transactions
 * creating records of the same client do not wait for each other.
 */
@Component(service = ClientHold.class)
public class JpaClientHold implements ClientHold {

    private final JpaTemplate jpa;

    @Activate
    public JpaClientHold(@Reference(target = "(osgi.unit.name=clientele)") JpaTemplate jpa) {
        this.jpa = jpa;
    }

    @Override
    public void hold(String clientId) {
        boolean found = jpa.txExpr(TransactionType.Mandatory, em -> !em.createNativeQuery(
                        "SELECT pk FROM client WHERE public_id = ? WITH RS")
                .setParameter(1, clientId).getResultList().isEmpty());
        if (!found) {
            throw new NotFoundException("client", clientId);
        }
    }
}
