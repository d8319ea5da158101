package org.clientele.api.spi;

import java.time.LocalDate;
import java.util.random.RandomGenerator;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Adds realistic demo records for a client, for {@code clients:demo-data}: a new user sees
 * a living overview right after the first start.
 */
@ConsumerType
public interface DemoData {

    /**
     * Creates this bundle's demo records for one client.
     *
     * @param clientId the client, just created
     * @param random   the source of all variation, seeded so that runs repeat
     * @param today    the current date; dates should lie around it
     * @param user     who is recorded as the author
     */
    void populate(String clientId, RandomGenerator random, LocalDate today, String user);
}
