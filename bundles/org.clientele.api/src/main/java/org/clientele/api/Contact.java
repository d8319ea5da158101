package org.clientele.api;

/**
 * A person to talk to at a client.
 *
 * @param name  full name; required
 * @param role  role or department, e.g. "Buchhaltung"; optional
 * @param email e-mail address; optional
 * @param phone phone number; optional
 */
public record Contact(String name, String role, String email, String phone) {
}
