package org.clientele.domain.internal;

import org.clientele.api.TaxIdCheck;
import org.clientele.api.TaxIdValidator;
import org.clientele.domain.internal.taxid.TaxIdRules;
import org.osgi.service.component.annotations.Component;

/** Offers the tax ID rules as a service. */
@Component(service = TaxIdValidator.class, name = "org.clientele.domain.taxid")
public class TaxIdValidatorImpl implements TaxIdValidator {
    private final TaxIdRules rules = new TaxIdRules();

    @Override
    public TaxIdCheck check(String value, String country) {
        return rules.check(value, country);
    }
}
