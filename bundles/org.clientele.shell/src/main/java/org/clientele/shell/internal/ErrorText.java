package org.clientele.shell.internal;

import org.clientele.api.ClientException;
import org.clientele.api.FieldError;
import org.clientele.api.NotFoundException;
import org.clientele.api.ValidationException;

/** The text a shell user reads for a domain error: no class names, no stack traces. */
final class ErrorText {
    private ErrorText() {
    }

    /**
     * The readable text of {@code e}: for a validation error a first line and then one
     * indented line per field, otherwise one line.
     */
    static String of(ClientException e) {
        if (e instanceof ValidationException v) {
            StringBuilder sb = new StringBuilder("Invalid input:");
            for (FieldError f : v.errors()) {
                sb.append(System.lineSeparator()).append("  ").append(f.field()).append(": ").append(f.message());
            }
            return sb.toString();
        }
        if (e instanceof NotFoundException n && "client".equals(n.kind())) {
            return "No client with id or number '" + n.id() + "'.";
        }
        // DuplicateException, VersionConflictException and the rest are written for people.
        return e.getMessage();
    }
}
