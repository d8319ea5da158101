package org.clientele.api;

/**
 * A postal address. {@code country} is an ISO 3166-1 alpha-2 code such as {@code DE}.
 *
 * @param street     street and house number
 * @param postalCode postal code as written in the country
 * @param city       city or town
 * @param region     state, county or province; optional
 * @param country    ISO 3166-1 alpha-2 code
 */
public record Address(String street, String postalCode, String city, String region, String country) {
}
