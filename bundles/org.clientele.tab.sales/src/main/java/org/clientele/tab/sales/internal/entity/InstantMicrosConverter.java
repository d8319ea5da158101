package org.clientele.tab.sales.internal.entity;

import java.time.Instant;

import javax.persistence.AttributeConverter;
import javax.persistence.Converter;

/**
 * An {@link Instant} as microseconds since the epoch in a BIGINT: exact in every database
 * and JVM time zone (the same representation as the client tables).
 */
@Converter
public class InstantMicrosConverter implements AttributeConverter<Instant, Long> {

    private static final long MICROS = 1_000_000L;

    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null
                : Math.addExact(Math.multiplyExact(instant.getEpochSecond(), MICROS), instant.getNano() / 1_000L);
    }

    @Override
    public Instant convertToEntityAttribute(Long micros) {
        return micros == null ? null
                : Instant.ofEpochSecond(Math.floorDiv(micros, MICROS), Math.floorMod(micros, MICROS) * 1_000L);
    }
}
