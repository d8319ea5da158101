package org.clientele.api.io;

import java.util.List;

import org.clientele.api.Actor;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The domain's bulk path: validates and normalises a batch of rows with the same rules as
 * {@link org.clientele.api.ClientService#create} and {@code update}, finds each row's stored
 * client by the chosen key (one query per batch), decides per row, and writes the batch
 * with its activity history in one transaction.
 */
@ProviderType
public interface ClientBulkService {

    /**
     * Processes one batch.
     *
     * @param rows    the rows, in file order
     * @param options mode, key and blank rule ({@code dryRun} and the dialect fields are not used here)
     * @param actor   who imports, channel {@link org.clientele.api.Channel#IMPORT} and the job id as reference
     * @param dryRun  true to decide and report only
     * @return one result per row; with {@code onError=abort} an invalid row means nothing is written
     */
    BulkResult upsertBatch(List<ImportRow> rows, ImportOptions options, Actor actor, boolean dryRun);
}
