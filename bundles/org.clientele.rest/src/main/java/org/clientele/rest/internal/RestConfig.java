package org.clientele.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the REST API, PID {@code org.clientele.rest}. */
@ObjectClassDefinition(name = "Clientele REST API", description = "The JSON API under /api.")
public @interface RestConfig {

    @AttributeDefinition(name = "JAAS realm", description = "Realm that checks user names and passwords.")
    String realm() default "karaf";

    @AttributeDefinition(name = "Login cache (s)",
            description = "How long a successful login is reused before the realm is asked again; 0 asks every time.",
            min = "0")
    int authCacheSeconds() default 60;

    @AttributeDefinition(name = "Largest JSON body (bytes)", description = "Larger request bodies are refused with 413.",
            min = "1024")
    int maxBodyBytes() default 1_048_576;
}
