package org.clientele.shell.internal;

import static org.junit.Assert.assertEquals;

import java.util.List;

import org.clientele.api.DuplicateException;
import org.clientele.api.FieldError;
import org.clientele.api.NotFoundException;
import org.clientele.api.ValidationException;
import org.clientele.api.VersionConflictException;
import org.junit.Test;

public class ErrorTextTest {
    private static final String NL = System.lineSeparator();

    @Test
    public void validationErrorsGetOneIndentedLinePerField() {
        ValidationException e = new ValidationException(List.of(
                new FieldError("address.postalCode", FieldError.INVALID,
                        "'1011' is not a postal code of DE (for example 10115)."),
                new FieldError("address.street", FieldError.REQUIRED, "This field is required.")));

        assertEquals("Invalid input:" + NL
                + "  address.postalCode: '1011' is not a postal code of DE (for example 10115)." + NL
                + "  address.street: This field is required.", ErrorText.of(e));
    }

    @Test
    public void notFoundNamesWhatTheUserTyped() {
        assertEquals("No client with id or number 'K-404'.", ErrorText.of(new NotFoundException("client", "K-404")));
    }

    @Test
    public void otherKindsOfNotFoundKeepTheirMessage() {
        assertEquals("No activity with id 'a-1'.", ErrorText.of(new NotFoundException("activity", "a-1")));
    }

    @Test
    public void duplicateKeepsItsMessage() {
        DuplicateException e = new DuplicateException("taxId", "DE123456788", "c-1", "K-000123", "Müller GmbH");
        assertEquals("Client K-000123 (Müller GmbH) already has taxId 'DE123456788'.", ErrorText.of(e));
    }

    @Test
    public void versionConflictKeepsItsMessage() {
        VersionConflictException e = new VersionConflictException("c-1", 2, 3);
        assertEquals(e.getMessage(), ErrorText.of(e));
    }
}
