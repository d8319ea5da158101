package org.clientele.tab.files.internal;

import java.util.Map;

/**
 * An upload that is refused with a status other than 422 (those are
 * {@link org.clientele.api.ValidationException}s): 413 too large, 415 unacceptable type,
 * 400 malformed. The resource turns it into problem+json.
 *
 * @see Problems
 */
final class UploadRefused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String type;
    private final String title;
    private final transient Map<String, Object> extra;

    UploadRefused(int status, String type, String title, String detail, Map<String, Object> extra) {
        super(detail, null, false, false);
        this.status = status;
        this.type = type;
        this.title = title;
        this.extra = Map.copyOf(extra);
    }

    static UploadRefused tooLarge(long maxBytes) {
        return new UploadRefused(413, "file-too-large", "File too large",
                "The file is larger than the " + maxBytes + " bytes (" + Sizes.human(maxBytes) + ") accepted.",
                Map.of("maxBytes", maxBytes));
    }

    static UploadRefused unsupported(String detected, String detail) {
        return new UploadRefused(415, "file-type", "File type not accepted", detail, Map.of("detectedType", detected));
    }

    static UploadRefused malformed(String detail) {
        return new UploadRefused(400, "malformed-upload", "Malformed upload", detail, Map.of());
    }

    int status() {
        return status;
    }

    String type() {
        return type;
    }

    String title() {
        return title;
    }

    Map<String, Object> extra() {
        return extra;
    }
}
