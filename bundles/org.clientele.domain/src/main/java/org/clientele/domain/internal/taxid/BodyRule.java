package org.clientele.domain.internal.taxid;

/** The format and check-digit rule of one kind of number, applied to the part after its prefix. */
@FunctionalInterface
interface BodyRule {

    /**
     * Checks one number.
     *
     * @param body the normalised number without its country prefix (upper case, no separators)
     * @return the verdict; never null
     */
    Verdict check(String body);
}
