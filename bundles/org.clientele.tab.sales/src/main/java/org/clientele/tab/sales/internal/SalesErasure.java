package org.clientele.tab.sales.internal;

import org.clientele.api.spi.ClientErasure;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a client's orders, invoices, deals and quotes inside the client's erase transaction. */
@Component(service = ClientErasure.class)
public class SalesErasure implements ClientErasure {

    private static final Logger LOG = LoggerFactory.getLogger(SalesErasure.class);

    private final SalesStore store;

    @Activate
    public SalesErasure(@Reference SalesStore store) {
        this.store = store;
    }

    @Override
    public void erase(String clientId) {
        int n = store.erase(clientId);
        LOG.debug("Erased {} sales records of client {}", n, clientId);
    }

    @Override
    public boolean holdsRecords(String clientId) {
        return store.holds(clientId);
    }
}
