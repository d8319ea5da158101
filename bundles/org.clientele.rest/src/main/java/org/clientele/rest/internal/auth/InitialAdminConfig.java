package org.clientele.rest.internal.auth;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of the first-start administrator, PID {@code org.clientele.rest.initialadmin}. */
@ObjectClassDefinition(name = "Clientele initial administrator",
        description = "On first start, when no user of the realm has the clients-admin role, create one with a random password.")
public @interface InitialAdminConfig {

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "JAAS realm")
    String realm() default "karaf";

    @AttributeDefinition(name = "User name")
    String user() default "admin";

    @AttributeDefinition(name = "Roles", description = "Roles given to the new user.")
    String[] roles() default {Role.ADMIN};

    @AttributeDefinition(name = "Groups", description = "Realm groups the new user joins, e.g. admingroup for shell access.")
    String[] groups() default {};

    @AttributeDefinition(name = "Password file",
            description = "Where the password is written, readable by the operating-system user running Karaf only. "
                    + "Relative paths are resolved against karaf.etc.")
    String passwordFile() default "clientele-admin.password";
}
