package org.clientele.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.support.table.ShellTable;
import org.clientele.api.Address;
import org.clientele.api.Client;
import org.clientele.api.Page;

/** The table of {@code clients:list} and its closing line. */
final class ClientTable {
    private ClientTable() {
    }

    /**
     * Prints one row per client, then the summary line.
     *
     * @param decorated false for plain columns without header underline (Karaf's --no-format)
     */
    static void print(Page<Client> page, PrintStream out, boolean decorated) {
        if (!page.items().isEmpty()) {
            table(page).print(out, decorated);
        }
        out.println(summary(page));
    }

    static ShellTable table(Page<Client> page) {
        ShellTable table = new ShellTable();
        table.column("Number");
        table.column("Legal name").maxSize(40);
        table.column("Tax ID");
        table.column("City").maxSize(30);
        table.column("Country");
        table.column("ID");
        for (Client c : page.items()) {
            Address a = c.address();
            table.addRow().addContent(text(c.number()), text(c.legalName()), text(c.taxId()),
                    a == null ? "" : text(a.city()), a == null ? "" : text(a.country()), text(c.id()));
        }
        return table;
    }

    /** {@code 3 of 120 clients (use --offset 50 for more)}, or why the page is empty. */
    static String summary(Page<Client> page) {
        int shown = page.items().size();
        if (page.total() == 0) {
            return "No clients found.";
        }
        if (shown == 0) {
            return "No clients at offset " + page.offset() + "; there " + (page.total() == 1 ? "is 1 client" : "are " + page.total() + " clients") + ".";
        }
        StringBuilder sb = new StringBuilder().append(shown).append(" of ").append(page.total())
                .append(page.total() == 1 ? " client" : " clients");
        if (page.offset() > 0) {
            sb.append(", from position ").append(page.offset() + 1);
        }
        if (page.hasNext()) {
            sb.append(" (use --offset ").append(page.offset() + shown).append(" for more)");
        }
        return sb.toString();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
