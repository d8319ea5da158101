package org.clientele.api.spi;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A JAX-RS resource served under {@code /api}, next to the module's own: register an
 * instance of a {@code @Path}-annotated class under this interface. It runs behind the
 * module's authentication (use {@code @RolesAllowed} with {@link Roles}) and its JSON
 * mapping; {@link org.clientele.api.ClientException}s it throws become the module's
 * problem+json answers. It is served while the service is registered and answers 404 once
 * it is gone.
 */
@ConsumerType
public interface ApiResource {
}
