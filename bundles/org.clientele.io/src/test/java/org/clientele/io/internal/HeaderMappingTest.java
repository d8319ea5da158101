package org.clientele.io.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.clientele.api.ValidationException;
import org.junit.Test;

public class HeaderMappingTest {

    @Test
    public void germanHeaders() {
        HeaderMapping.Result r = HeaderMapping.map(List.of("Kundennummer", "Firma", "USt-IdNr.", "Straße", "PLZ", "Ort",
                "Land", "E-Mail", "Telefon", "Webseite", "Schlagworte", "Ansprechpartner"), Map.of());
        assertEquals(List.of("number", "legalName", "taxId", "street", "postalCode", "city", "country", "email", "phone",
                "website", "tags", "contacts"), r.columns());
        assertEquals(List.of(), r.unknown());
    }

    @Test
    public void odooErpnextDolibarrTwentyHeaders() {
        assertEquals(Arrays.asList("legalName", "taxId", "street", "postalCode", "city", "country", "email", "phone", null),
                HeaderMapping.map(List.of("Name", "Tax ID", "Street", "Zip", "City", "Country", "Email", "Phone", "Street2"),
                        Map.of()).columns());
        assertEquals(List.of("legalName", "taxId", "email", "postalCode", "city", "region"),
                HeaderMapping.map(List.of("Customer Name", "Tax Id", "Email Id", "Pincode", "City/Town", "State/Province"),
                        Map.of()).columns());
        assertEquals(List.of("legalName", "number", "taxId", "postalCode", "city", "country", "website"),
                HeaderMapping.map(List.of("Third-party name", "Customer code", "VAT ID", "Zip Code", "Town",
                        "Country code", "URL"), Map.of()).columns());
        assertEquals(List.of("legalName", "website", "street", "city", "postalCode", "country"),
                HeaderMapping.map(List.of("Name", "Domain Name", "Address / Address 1", "Address / City",
                        "Address / Post Code", "Address / Country"), Map.of()).columns());
    }

    @Test
    public void explicitMappingWinsUnknownAndSecondClaimsAreReported() {
        HeaderMapping.Result r = HeaderMapping.map(List.of("Name", "Display Name", "Kürzel", "Bemerkung"),
                Map.of("kürzel", "number", "Bemerkung", ""));
        assertEquals(Arrays.asList("legalName", null, "number", null), r.columns());
        assertEquals(List.of("Display Name"), r.unknown());
        assertThrows(ValidationException.class, () -> HeaderMapping.map(List.of("a"), Map.of("a", "nonsense")));
    }

    @Test
    public void countryNamesBecomeCodes() {
        assertEquals("DE", CountryNames.code("Germany"));
        assertEquals("DE", CountryNames.code("Deutschland"));
        assertEquals("AT", CountryNames.code("Österreich"));
        assertEquals("CH", CountryNames.code("CHE"));
        assertEquals("de", CountryNames.code("de"));
        assertEquals("Atlantis", CountryNames.code("Atlantis"));
    }
}
