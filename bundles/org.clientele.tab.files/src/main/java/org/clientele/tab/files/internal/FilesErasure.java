package org.clientele.tab.files.internal;

import org.clientele.api.spi.ClientErasure;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Deletes a client's files (bytes and metadata) inside the erase transaction. */
@Component(service = ClientErasure.class, name = "org.clientele.files.erasure")
public class FilesErasure implements ClientErasure {
    private static final Logger LOG = LoggerFactory.getLogger(FilesErasure.class);

    private final FileStore store;

    @Activate
    public FilesErasure(@Reference FileStore store) {
        this.store = store;
    }

    @Override
    public void erase(String clientId) {
        int files = store.eraseClient(clientId);
        LOG.debug("Erased {} files of client {}", files, clientId);
    }

    @Override
    public boolean holdsRecords(String clientId) {
        return store.holdsClient(clientId);
    }
}
