package org.clientele.tab.sales.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Amounts as the API writes them: decimal strings with two decimals, e.g. {@code "1234.50"}. */
public final class Money {

    /** Digits before the decimal point that DECIMAL(19,2) holds. */
    public static final int MAX_INTEGER_DIGITS = 17;

    private Money() {
    }

    public static String format(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** {@code amount} at scale 2; null becomes zero (a SUM over no rows). */
    public static BigDecimal scaled(BigDecimal amount) {
        return (amount == null ? BigDecimal.ZERO : amount).setScale(2, RoundingMode.UNNECESSARY);
    }
}
