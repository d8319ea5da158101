package org.clientele.rest.internal.auth;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

import javax.security.auth.login.AppConfigurationEntry;

import org.apache.karaf.jaas.boot.principal.GroupPrincipal;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.apache.karaf.jaas.config.JaasRealm;
import org.apache.karaf.jaas.modules.BackingEngine;
import org.apache.karaf.jaas.modules.BackingEngineFactory;
import org.apache.karaf.jaas.modules.BackingEngineService;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure someone can administer the module without a well-known password: when no user
 * of the realm holds {@code clients-admin}, creates one with a random password and writes
 * the password to a file that only the operating-system user running Karaf may read.
 */
@Component(name = "org.clientele.rest.initialadmin", immediate = true, service = {})
@Designate(ocd = InitialAdminConfig.class)
public final class InitialAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdmin.class);

    @Activate
    public InitialAdmin(InitialAdminConfig config,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) List<JaasRealm> realms,
            @Reference(policyOption = ReferencePolicyOption.GREEDY) List<BackingEngineFactory> engines) {
        if (!config.enabled()) {
            return;
        }
        BackingEngine engine = engine(config.realm(), realms, engines);
        if (engine == null) {
            LOG.debug("Realm {} is not (yet) there or has no editable user store; no initial administrator", config.realm());
            return;
        }
        if (hasAdmin(engine)) {
            return;
        }
        try {
            create(engine, config);
        } catch (IOException | RuntimeException e) {
            LOG.error("Could not create the initial administrator '{}'", config.user(), e);
        }
    }

    private static BackingEngine engine(String realm, List<JaasRealm> realms, List<BackingEngineFactory> engines) {
        BackingEngineService service = new BackingEngineService();
        service.setEngineFactories(new ArrayList<>(engines));
        for (JaasRealm r : realms) {
            if (!realm.equals(r.getName())) {
                continue;
            }
            for (AppConfigurationEntry entry : r.getEntries()) {
                BackingEngine engine = service.get(entry);
                if (engine != null) {
                    return engine;
                }
            }
        }
        return null;
    }

    private static boolean hasAdmin(BackingEngine engine) {
        for (UserPrincipal u : engine.listUsers()) {
            if (roles(engine, u).contains(Role.ADMIN)) {
                return true;
            }
        }
        return false;
    }

    private static Set<String> roles(BackingEngine engine, UserPrincipal user) {
        Set<String> roles = new java.util.HashSet<>();
        for (RolePrincipal r : engine.listRoles(user)) {
            roles.add(r.getName());
        }
        for (GroupPrincipal g : engine.listGroups(user)) {
            for (RolePrincipal r : engine.listRoles(g)) {
                roles.add(r.getName());
            }
        }
        return roles;
    }

    private static void create(BackingEngine engine, InitialAdminConfig config) throws IOException {
        String etc = System.getProperty("karaf.etc", ".");
        Path file = Path.of(etc).resolve(config.passwordFile());
        String password = randomPassword();
        writeOwnerOnly(file, "# Password of the Clientele user '" + config.user() + "', created on first start.\n"
                + "# Change it with: jaas:realm-manage --realm " + config.realm() + "; jaas:user-add ...; jaas:update\n"
                + password + "\n");
        if (engine.lookupUser(config.user()) != null) {
            engine.deleteUser(config.user());
        }
        engine.addUser(config.user(), password);
        for (String role : config.roles()) {
            engine.addRole(config.user(), role);
        }
        for (String group : config.groups()) {
            engine.addGroup(config.user(), group);
        }
        LOG.info("Created the Clientele administrator '{}'; the password is in {} (readable by its owner only)",
                config.user(), file);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.deleteIfExists(file);
        Set<PosixFilePermission> ownerOnly = PosixFilePermissions.fromString("rw-------");
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            throw new IOException("Someone created " + file + " meanwhile", e);
        }
        Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }
}
