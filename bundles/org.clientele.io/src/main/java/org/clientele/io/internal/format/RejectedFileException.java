package org.clientele.io.internal.format;

import java.io.IOException;

/**
 * A file that is refused as a whole: hostile (zip bomb, entity expansion), broken
 * (truncated, not the format it claims), encrypted, or over a configured limit.
 */
public class RejectedFileException extends IOException {
    private static final long serialVersionUID = 1L;

    private final String code;

    /**
     * @param code    stable code, e.g. FILE_TOO_LARGE, ZIP_BOMB, XML_ENTITY, ENCRYPTED,
     *                NOT_XLSX, TRUNCATED, TOO_MANY_ROWS, TOO_MANY_COLUMNS, CELL_TOO_LONG,
     *                TEXT_TOO_LONG, NUL_BYTE
     * @param message for people, naming the limit or the problem
     */
    public RejectedFileException(String code, String message) {
        super(message);
        this.code = code;
    }

    public RejectedFileException(String code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public String code() {
        return code;
    }
}
