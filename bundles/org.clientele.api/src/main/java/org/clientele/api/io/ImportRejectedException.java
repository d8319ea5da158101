package org.clientele.api.io;

import org.clientele.api.ClientException;

/** A file refused as a whole: too large ({@link #TOO_LARGE}), an unknown format ({@link #UNSUPPORTED_FORMAT}) or broken/hostile. */
public class ImportRejectedException extends ClientException {
    private static final long serialVersionUID = 1L;

    public static final String TOO_LARGE = "FILE_TOO_LARGE";
    public static final String UNSUPPORTED_FORMAT = "UNSUPPORTED_FORMAT";

    private final String code;

    public ImportRejectedException(String code, String message) {
        super(message);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
