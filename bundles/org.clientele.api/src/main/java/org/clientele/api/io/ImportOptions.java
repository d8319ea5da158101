package org.clientele.api.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How an import treats its rows.
 *
 * @param dryRun    true to report per row what would happen and write nothing
 * @param mode      create only, or create and update
 * @param key       the business key that finds the existing client of a row
 * @param blank     what an empty cell means for a stored value
 * @param onError   abort (write nothing when any row is invalid) or skip invalid rows
 * @param charset   charset override for CSV (e.g. {@code UTF-8}, {@code windows-1252}); null to detect
 * @param delimiter delimiter override for CSV ({@code ;}, {@code ,} or a tab); null to detect
 * @param mapping   explicit mapping: file header to canonical column (or {@code ""} to ignore a
 *                  column); overrides the automatic mapping for the headers it names
 */
public record ImportOptions(boolean dryRun, Mode mode, Key key, Blank blank, OnError onError, String charset,
        Character delimiter, Map<String, String> mapping) {

    public ImportOptions {
        mode = mode == null ? Mode.UPSERT : mode;
        key = key == null ? Key.NUMBER : key;
        blank = blank == null ? Blank.IGNORE : blank;
        onError = onError == null ? OnError.ABORT : onError;
        mapping = mapping == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(mapping));
    }

    /** Upsert on the number, blanks ignored, abort on error, detected dialect, automatic mapping. */
    public static ImportOptions defaults() {
        return new ImportOptions(false, Mode.UPSERT, Key.NUMBER, Blank.IGNORE, OnError.ABORT, null, null, null);
    }

    public ImportOptions withDryRun(boolean newDryRun) {
        return new ImportOptions(newDryRun, mode, key, blank, onError, charset, delimiter, mapping);
    }

    /** Create new clients only; a row whose key matches a stored client is skipped. */
    public enum Mode {
        CREATE, UPSERT
    }

    /** The business key. */
    public enum Key {
        /** the customer number */
        NUMBER,
        /** the normalised tax ID */
        TAX_ID,
        /** legal name (ignoring case, accents, spacing) and postal code */
        LEGAL_NAME
    }

    /** What an empty cell means when a row updates a stored client. */
    public enum Blank {
        /** keep the stored value */
        IGNORE,
        /** empty the stored value (a required field then makes the row invalid) */
        CLEAR
    }

    /** What an invalid row does to the import. */
    public enum OnError {
        /** nothing is written when any row is invalid */
        ABORT,
        /** invalid rows are reported and left out, the others are written */
        SKIP
    }
}
