package org.clientele.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.clientele.api.Address;
import org.clientele.api.ClientDraft;
import org.clientele.api.SaveResult;

@Service
@Command(scope = "clients", name = "add", description = "Creates a client.",
        detailedDescription = "Creates a client. Street, postal code, city and country are required; "
                + "the number is assigned unless given.")
public class AddCommand extends ClientCommand {

    @Option(name = "--name", required = true, description = "Legal name.")
    String name;

    @Option(name = "--street", description = "Street and house number.")
    String street;

    @Option(name = "--postal-code", description = "Postal code.")
    String postalCode;

    @Option(name = "--city", description = "City or town.")
    String city;

    @Option(name = "--country", description = "ISO country code, e.g. DE.")
    @Completion(CountryCompleter.class)
    String country;

    @Option(name = "--region", description = "State, county or province.")
    String region;

    @Option(name = "--tax-id", description = "Tax ID in any common spelling, e.g. 'DE 123 456 788'.")
    String taxId;

    @Option(name = "--email", description = "General e-mail address.")
    String email;

    @Option(name = "--phone", description = "General phone number.")
    String phone;

    @Option(name = "--website", description = "Web site.")
    String website;

    @Option(name = "--number", description = "Customer number; assigned when left out.")
    String number;

    @Option(name = "--tag", multiValued = true, description = "A tag; repeat for more.")
    List<String> tags;

    @Override
    void run() {
        // Always an address, even an empty one, so the domain names each missing address field.
        Address address = new Address(street, postalCode, city, region, country);
        ClientDraft draft = new ClientDraft(number, name, taxId, address, email, phone, website, List.of(),
                tags == null ? List.of() : tags);
        SaveResult result = clients.create(draft, ShellUser.actor(session));
        ClientText.created(result).forEach(out()::println);
    }
}
