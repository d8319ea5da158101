package org.clientele.tab.files.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

import org.clientele.api.spi.DemoData;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** Demo files for a client, generated here: an offer as a one-page PDF, a contact list as CSV, a call note. */
@Component(service = DemoData.class, name = "org.clientele.files.demodata")
public class FilesDemoData implements DemoData {
    private static final String[] PRODUCTS = {"Wartungsvertrag", "Lizenzpaket", "Beratungstage", "Schulung",
        "Hardware-Lieferung"};
    private static final String[] PEOPLE = {"Anna Schmidt", "Jonas Weber", "Lea Fischer", "Paul Wagner", "Mia Becker",
        "Felix Hoffmann"};

    private final FileStore store;

    @Activate
    public FilesDemoData(@Reference FileStore store) {
        this.store = store;
    }

    @Override
    public void populate(String clientId, RandomGenerator random, LocalDate today, String user) {
        int offer = 1000 + random.nextInt(9000);
        String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
        BigAmount amount = new BigAmount(500 + random.nextInt(20_000));
        add(clientId, "Angebot-" + offer + ".pdf",
                pdf("Angebot " + offer, product + ": " + amount + " EUR netto, gueltig 30 Tage."),
                moment(random, today), user);
        add(clientId, "Ansprechpartner.csv", csv(random), moment(random, today), user);
        if (random.nextBoolean()) {
            String person = PEOPLE[random.nextInt(PEOPLE.length)];
            String note = "Gesprächsnotiz " + today.minusDays(random.nextInt(1, 30)) + "\n\n"
                    + "Telefonat mit " + person + " über " + product + ".\n"
                    + "Nächster Schritt: Angebot " + offer + " nachfassen.\n";
            add(clientId, "Gesprächsnotiz.txt", note.getBytes(StandardCharsets.UTF_8), moment(random, today), user);
        }
    }

    private void add(String clientId, String name, byte[] bytes, Instant at, String user) {
        try {
            Path tmp = Files.createTempFile("clientele-demo-", ".tmp");
            try {
                Files.write(tmp, bytes);
                String type = FileTypes.detect(tmp, name);
                store.add(new FileStore.NewFile(clientId, name, bytes.length, type, sha256(bytes), at, user), tmp);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A moment in the last 60 days, during office hours (UTC). */
    private static Instant moment(RandomGenerator random, LocalDate today) {
        return today.minusDays(random.nextInt(1, 60)).atTime(8 + random.nextInt(9), random.nextInt(60))
                .toInstant(ZoneOffset.UTC);
    }

    private static byte[] csv(RandomGenerator random) {
        StringBuilder sb = new StringBuilder("Name;Rolle;E-Mail\r\n");
        String[] roles = {"Einkauf", "Buchhaltung", "Geschäftsführung", "IT"};
        int n = 2 + random.nextInt(3);
        for (int i = 0; i < n; i++) {
            String person = PEOPLE[random.nextInt(PEOPLE.length)];
            sb.append(person).append(';').append(roles[random.nextInt(roles.length)]).append(';')
                    .append(person.toLowerCase(Locale.ROOT).replace(' ', '.')).append("@example.com\r\n");
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A one-page PDF 1.4 with two lines of Helvetica, with a correct cross-reference table. */
    static byte[] pdf(String title, String line) {
        String content = "BT /F1 20 Tf 72 770 Td (" + pdfText(title) + ") Tj ET\n"
                + "BT /F1 11 Tf 72 740 Td (" + pdfText(line) + ") Tj ET\n";
        List<String> objects = List.of(
                "<< /Type /Catalog /Pages 2 0 R >>",
                "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
                        + " /Resources << /Font << /F1 5 0 R >> >> >>",
                "<< /Length " + content.length() + " >>\nstream\n" + content + "endstream",
                "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<Integer> offsets = new ArrayList<>();
        write(out, "%PDF-1.4\n");
        for (int i = 0; i < objects.size(); i++) {
            offsets.add(out.size());
            write(out, (i + 1) + " 0 obj\n" + objects.get(i) + "\nendobj\n");
        }
        int xref = out.size();
        StringBuilder sb = new StringBuilder("xref\n0 " + (objects.size() + 1) + "\n0000000000 65535 f \n");
        for (int offset : offsets) {
            sb.append(String.format(Locale.ROOT, "%010d 00000 n \n", offset));
        }
        sb.append("trailer\n<< /Size ").append(objects.size() + 1).append(" /Root 1 0 R >>\nstartxref\n").append(xref)
                .append("\n%%EOF\n");
        write(out, sb.toString());
        return out.toByteArray();
    }

    /** ASCII only, with the string delimiters escaped. */
    private static String pdfText(String s) {
        StringBuilder sb = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(' || c == ')' || c == '\\') {
                sb.append('\\').append(c);
            } else {
                sb.append(c >= 0x20 && c < 0x7F ? c : '?');
            }
        }
        return sb.toString();
    }

    private static void write(ByteArrayOutputStream out, String s) {
        out.writeBytes(s.getBytes(StandardCharsets.US_ASCII));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whole euros with a thousands separator, as German offers write them. */
    private record BigAmount(int euros) {
        @Override
        public String toString() {
            return String.format(Locale.GERMANY, "%,d", euros);
        }
    }
}
