package org.clientele.domain.internal;

import java.lang.annotation.Annotation;

/** {@link DomainConfig} instances for tests. */
final class TestConfig {

    private TestConfig() {
    }

    /** The defaults of {@link DomainConfig}: K-, 6 digits, warnings on, 1000 ms health cache. */
    static DomainConfig defaults() {
        return of("K-", 6, true, 1000);
    }

    static DomainConfig of(String prefix, int digits, boolean duplicateWarnings, long healthCacheMillis) {
        return new DomainConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return DomainConfig.class;
            }

            @Override
            public String numberPrefix() {
                return prefix;
            }

            @Override
            public int numberDigits() {
                return digits;
            }

            @Override
            public boolean duplicateWarnings() {
                return duplicateWarnings;
            }

            @Override
            public long healthCacheMillis() {
                return healthCacheMillis;
            }
        };
    }
}
