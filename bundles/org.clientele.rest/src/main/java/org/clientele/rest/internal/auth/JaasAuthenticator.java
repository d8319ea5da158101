package org.clientele.rest.internal.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.ProxyLoginModule;
import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks user name and password against a JAAS realm (Karaf's {@code karaf} realm by
 * default). A successful login is remembered for a short time, keyed by a hash of the
 * credentials, so that a busy client does not run the login modules on every request.
 */
public final class JaasAuthenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);
    private static final int MAX_CACHED = 10_000;

    private record Cached(Identity identity, long expiresAt) {
    }

    private final String realm;
    private final long cacheMillis;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public JaasAuthenticator(String realm, long cacheMillis, LongSupplier clock) {
        this.realm = realm;
        this.cacheMillis = cacheMillis;
        this.clock = clock;
    }

    /** The identity for these credentials, or empty when the realm refuses them. */
    public Optional<Identity> authenticate(String user, String password) {
        String key = key(user, password);
        long now = clock.getAsLong();
        Cached c = cache.get(key);
        if (c != null && c.expiresAt() > now) {
            return Optional.of(c.identity());
        }
        Optional<Identity> identity = login(user, password);
        if (identity.isPresent() && cacheMillis > 0) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(identity.get(), now + cacheMillis));
        } else {
            cache.remove(key);
        }
        return identity;
    }

    private Optional<Identity> login(String user, String password) {
        Subject subject = new Subject();
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // LoginContext loads Karaf's proxy login module through the context class loader
        thread.setContextClassLoader(ProxyLoginModule.class.getClassLoader());
        try {
            LoginContext lc = new LoginContext(realm, subject, callbacks -> {
                for (var cb : callbacks) {
                    if (cb instanceof NameCallback n) {
                        n.setName(user);
                    } else if (cb instanceof PasswordCallback p) {
                        p.setPassword(password.toCharArray());
                    } else {
                        throw new UnsupportedCallbackException(cb);
                    }
                }
            });
            lc.login();
            Set<String> roles = new HashSet<>();
            for (Principal p : subject.getPrincipals()) {
                if (p instanceof RolePrincipal) {
                    roles.add(p.getName());
                }
            }
            return Optional.of(new Identity(user, roles));
        } catch (LoginException e) {
            LOG.debug("Login of '{}' refused by realm {}: {}", user, realm, e.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String key(String user, String password) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(user.getBytes(StandardCharsets.UTF_8));
            md.update((byte) 0);
            md.update(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
