package org.clientele.rest.internal;

import javax.ws.rs.core.EntityTag;

/** Strong ETags from versions, and the If-Match rules of the API. */
final class Etags {
    private Etags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    static EntityTag tag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** If-Match {@code *}: any current version. */
    static final long ANY = -1;
    /** An If-Match value that is no ETag of ours: matches no version, so the answer is 412. */
    static final long NONE = Long.MIN_VALUE;

    /**
     * The version an If-Match header asks for: {@link #ANY} for {@code *}, {@link #NONE}
     * for a value that is not one of our ETags (weak ones included: If-Match compares strongly).
     *
     * @throws ApiException 428 when the header is missing
     */
    static long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw ApiException.preconditionRequired();
        }
        String v = ifMatch.strip();
        if (v.equals("*")) {
            return ANY;
        }
        if (v.startsWith("\"") && v.endsWith("\"") && v.length() > 2) {
            try {
                return Long.parseLong(v.substring(1, v.length() - 1));
            } catch (NumberFormatException e) {
                return NONE;
            }
        }
        return NONE;
    }
}
