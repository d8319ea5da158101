package org.clientele.domain.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the client service, PID {@code org.clientele.domain}. */
@ObjectClassDefinition(name = "Clientele client service",
        description = "Customer numbers and duplicate detection of the Clientele module.")
public @interface DomainConfig {

    @AttributeDefinition(name = "Customer number prefix",
            description = "Text before the running number of an assigned customer number.")
    String numberPrefix() default "K-";

    @AttributeDefinition(name = "Customer number digits",
            description = "The running number is padded with zeros to this many digits.", min = "1", max = "18")
    int numberDigits() default 6;

    @AttributeDefinition(name = "Warn about likely duplicates",
            description = "Add a POSSIBLE_DUPLICATE warning when another client has the same legal name and postal code.")
    boolean duplicateWarnings() default true;

    @AttributeDefinition(name = "Health cache (ms)",
            description = "How long a database check is reused by the health endpoint.", min = "0")
    long healthCacheMillis() default 1000;
}
