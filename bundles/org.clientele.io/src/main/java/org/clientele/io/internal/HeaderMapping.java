package org.clientele.io.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.clientele.api.FieldError;
import org.clientele.api.ValidationException;
import org.clientele.api.io.ClientColumns;

/**
 * Maps a file's headers to the canonical columns of {@link ClientColumns}: by German and
 * English names and by the headers that Odoo, ERPNext, Dolibarr and Twenty write in their
 * customer exports. Headers compare ignoring case, accents, spaces and punctuation
 * ({@code "E-Mail"} = {@code "email"}, {@code "Straße"} = {@code "strasse"}). An explicit
 * mapping wins; a header that maps to nothing is reported as unknown.
 */
public final class HeaderMapping {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Recognised headers (normalised) per canonical column; the README lists them. */
    static final Map<String, List<String>> KNOWN = new LinkedHashMap<>();
    private static final Map<String, String> TABLE = new HashMap<>();

    static {
        known(ClientColumns.NUMBER, "number", "Customer number", "Customer No", "Client number", "Kundennummer",
                "Kundennr", "Kd-Nr", "Debitorennummer", "Debitor", "Nummer",
                "Reference" /* Odoo ref */, "Internal Reference", "Customer code" /* Dolibarr */, "Code client",
                "Customer ID");
        known(ClientColumns.LEGAL_NAME, "legalName", "Legal name", "Name", "Company", "Company name", "Firma",
                "Firmenname", "Firmierung", "Name 1", "Kunde", "Kundenname", "Unternehmen", "Organisation",
                "Organization", "Display Name" /* Odoo */, "Customer Name" /* ERPNext */,
                "Third-party name" /* Dolibarr */, "Third party name", "ThirdPartyName", "Raison sociale",
                "Account name");
        known(ClientColumns.TAX_ID, "taxId", "Tax ID" /* Odoo, ERPNext */, "VAT" /* Odoo < 14 */, "VAT number",
                "VAT ID" /* Dolibarr */, "VATIntra", "Sales tax ID", "Tax number", "USt-IdNr", "USt-ID",
                "Umsatzsteuer-ID", "Umsatzsteuer-Identifikationsnummer", "UID", "Steuernummer", "St-Nr");
        known(ClientColumns.STREET, "street", "Street" /* Odoo */, "Address" /* Dolibarr */, "Address line 1",
                "Address Line 1" /* ERPNext */, "Address 1", "Address / Address 1" /* Twenty */,
                "Address / Street 1", "Address Street1", "Straße", "Strasse", "Straße und Hausnummer", "Anschrift",
                "Adresse");
        known(ClientColumns.POSTAL_CODE, "postalCode", "Postal code" /* ERPNext */, "Zip" /* Odoo */,
                "Zip code" /* Dolibarr */, "ZIP", "Postcode", "Post code", "Pincode",
                "Address / Post Code" /* Twenty */, "Address / Postcode", "Address Postcode", "PLZ",
                "Postleitzahl");
        known(ClientColumns.CITY, "city", "City" /* Odoo */, "Town" /* Dolibarr */, "City/Town" /* ERPNext */,
                "Address / City" /* Twenty */, "Address City", "Ort", "Stadt", "Wohnort");
        known(ClientColumns.REGION, "region", "State" /* Odoo */, "State/Province" /* ERPNext, Dolibarr */,
                "Province", "County", "Address / State" /* Twenty */, "Address State", "Bundesland", "Kanton",
                "Region");
        known(ClientColumns.COUNTRY, "country", "Country" /* Odoo, ERPNext */, "Country code" /* Dolibarr */,
                "Address / Country" /* Twenty */, "Address Country", "Land", "Ländercode", "Staat");
        known(ClientColumns.EMAIL, "email", "E-Mail", "Email address", "EMail" /* Dolibarr */,
                "Email Id" /* ERPNext */, "Mail", "E-Mail-Adresse");
        known(ClientColumns.PHONE, "phone", "Phone" /* Odoo, Dolibarr */, "Telephone", "Phone number",
                "Phone No", "Telefon", "Telefonnummer", "Tel");
        known(ClientColumns.WEBSITE, "website", "Website" /* Odoo, ERPNext */, "Web site", "URL" /* Dolibarr */,
                "Homepage", "Webseite", "Internetseite", "Domain Name" /* Twenty */,
                "Domain Name / Primary Link Url" /* Twenty */, "Domain");
        known(ClientColumns.TAGS, "tags", "Tags" /* Odoo, Twenty */, "Tag", "Tags/categories" /* Dolibarr */,
                "Categories", "Labels", "Schlagworte", "Schlagwörter", "Kategorien", "Stichworte");
        known(ClientColumns.CONTACTS, "contacts", "Contacts", "Kontakte", "Ansprechpartner");
    }

    private static void known(String column, String... headers) {
        List<String> list = new ArrayList<>();
        for (String h : headers) {
            list.add(h);
            TABLE.putIfAbsent(normalize(h), column);
        }
        KNOWN.put(column, list);
    }

    /**
     * What the headers of one file map to.
     *
     * @param columns per file column, the canonical column or null
     * @param mapping file header to canonical column ("" for ignored), in file order
     * @param unknown headers that map to nothing (or to a column an earlier header took)
     */
    public record Result(List<String> columns, Map<String, String> mapping, List<String> unknown) {
    }

    private HeaderMapping() {
    }

    /** {@code header} lower case, without accents, spaces and punctuation; ß as ss. */
    public static String normalize(String header) {
        if (header == null) {
            return "";
        }
        String h = header.replace("\uFEFF", "").replace("ß", "ss");
        h = MARKS.matcher(Normalizer.normalize(h, Normalizer.Form.NFD)).replaceAll("");
        return NOT_ALNUM.matcher(h.toLowerCase(Locale.ROOT)).replaceAll("");
    }

    /** The canonical column of a header, or null. */
    public static String lookup(String header) {
        return TABLE.get(normalize(header));
    }

    /**
     * Maps the header row.
     *
     * @param explicit file header (as written or normalised) to canonical column, or "" to ignore it
     */
    public static Result map(List<String> headers, Map<String, String> explicit) {
        Map<String, String> given = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        explicit.forEach((header, column) -> {
            String c = column == null ? "" : column.strip();
            if (!c.isEmpty() && !ClientColumns.ALL.contains(c)) {
                errors.add(new FieldError("mapping." + header, FieldError.INVALID, "'" + c
                        + "' is not a column; use one of " + String.join(", ", ClientColumns.ALL) + " or \"\"."));
            }
            given.put(normalize(header), c);
        });
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        List<String> columns = new ArrayList<>();
        Map<String, String> mapping = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        java.util.Set<String> taken = new java.util.HashSet<>();
        for (String raw : headers) {
            String header = raw == null ? "" : raw.replace("\uFEFF", "").strip();
            String n = normalize(header);
            String column = given.containsKey(n) ? given.get(n) : TABLE.get(n);
            if (column == null || column.isEmpty() || !taken.add(column)) {
                columns.add(null);
                mapping.put(header, "");
                if (column == null || !column.isEmpty()) {
                    unknown.add(header);
                }
            } else {
                columns.add(column);
                mapping.put(header, column);
            }
        }
        return new Result(columns, mapping, unknown);
    }
}
