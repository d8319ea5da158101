package org.clientele.tab.files.internal;

import java.time.Instant;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * Stores an {@link Instant} as microseconds since the epoch (UTC) in a BIGINT, as the
 * module's own tables do: exact on every database and in every JVM time zone.
 */
@Converter
public class InstantMicrosConverter implements AttributeConverter<Instant, Long> {

    private static final long MICROS_PER_SECOND = 1_000_000L;
    private static final long NANOS_PER_MICRO = 1_000L;

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        if (instant == null) {
            return null;
        }
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS_PER_SECOND),
                instant.getNano() / NANOS_PER_MICRO);
    }

    @Override
    public Instant convertToEntityAttribute(Long micros) {
        if (micros == null) {
            return null;
        }
        return Instant.ofEpochSecond(Math.floorDiv(micros, MICROS_PER_SECOND),
                Math.floorMod(micros, MICROS_PER_SECOND) * NANOS_PER_MICRO);
    }
}
