package org.clientele.api.io;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One data row of an import, already mapped to the canonical columns of
 * {@link ClientColumns}. A column that the file does not have is absent from
 * {@code values}; a column the file has but leaves empty maps to {@code ""} (what happens
 * then is {@link ImportOptions.Blank}'s business).
 *
 * @param row    1-based row number in the file, for reports
 * @param values canonical column name to cell text
 */
public record ImportRow(long row, Map<String, String> values) {
    public ImportRow {
        values = values == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
