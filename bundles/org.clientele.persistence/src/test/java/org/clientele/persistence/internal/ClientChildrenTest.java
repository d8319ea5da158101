package org.clientele.persistence.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.clientele.api.Contact;
import org.clientele.persistence.internal.entity.Columns;
import org.junit.Test;

/** The text of a client's contacts and tags in its row ({@link ClientChildren}). */
public class ClientChildrenTest {

    private static final String[] PIECES = {"", " ", "Müller", "1:", "~", "|", ";", ",", ":", "2,1;", "1|0,0;",
        "\u0000", "\r\n", "😀", "Zoë Ødegård", "12345678901", "-1:"};

    private static void assertRoundTrip(List<Contact> contacts, List<String> tags) {
        String text = ClientChildren.encode(contacts, tags);
        assertNotNull(text);
        ClientChildren.Children read = ClientChildren.decode(text);
        assertNotNull(text, read);
        assertEquals(text, contacts, read.contacts());
        assertEquals(text, tags, read.tags());
    }

    @Test
    public void noneAndSomeContactsAndTags() {
        assertRoundTrip(List.of(), List.of());
        assertEquals("1|0,0;", ClientChildren.encode(List.of(), List.of()));
        assertEquals("1|1,2;5:Meier~~3:+493:vip1:b",
                ClientChildren.encode(List.of(new Contact("Meier", null, null, "+49")), List.of("vip", "b")));
        assertRoundTrip(List.of(new Contact("Meier", null, null, "+49")), List.of("vip", "b"));
        assertRoundTrip(List.of(new Contact(null, null, null, null), new Contact("", "", "", "")), List.of(""));
    }

    @Test
    public void anyCharactersInAnyValueOnRandomClients() {
        Random random = new Random(20261206);
        for (int n = 0; n < 2000; n++) {
            List<Contact> contacts = new ArrayList<>();
            for (int k = random.nextInt(5); k > 0; k--) {
                contacts.add(new Contact(value(random), value(random), value(random), value(random)));
            }
            List<String> tags = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) {
                String tag = value(random);
                tags.add(tag == null ? "" : tag);
            }
            assertRoundTrip(contacts, tags);
        }
    }

    private static String value(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (int k = random.nextInt(4); k > 0; k--) {
            s.append(PIECES[random.nextInt(PIECES.length)]);
        }
        return s.toString();
    }

    @Test
    public void notKeptWhenLongerThanTheColumn() {
        String name = "n".repeat(300);
        List<Contact> contacts = new ArrayList<>();
        String last = null;
        while (true) {
            contacts.add(new Contact(name, null, null, null));
            String text = ClientChildren.encode(contacts, List.of());
            if (text.equals(ClientChildren.NOT_KEPT)) {
                assertNull("not read", ClientChildren.decode(text));
                break;
            }
            last = text;
        }
        assertTrue("the last text kept fills the column: " + last.length(), last.length() > Columns.CHILDREN - 310);
        assertTrue(last.length() <= Columns.CHILDREN);
        contacts.remove(contacts.size() - 1);
        assertRoundTrip(contacts, List.of());
    }

    @Test
    public void damagedOrUnknownTextIsNotRead() {
        String good = ClientChildren.encode(List.of(new Contact("Meier", "CEO", "m@x.example", null)), List.of("vip"));
        assertNotNull(ClientChildren.decode(good));
        assertNull(ClientChildren.decode(null));
        assertNull(ClientChildren.decode(""));
        assertNull(ClientChildren.decode("2" + good.substring(1)));
        assertNull(ClientChildren.decode(good + "x"));
        for (int cut = 0; cut < good.length(); cut++) {
            assertNull(good.substring(0, cut), ClientChildren.decode(good.substring(0, cut)));
        }
        assertNull(ClientChildren.decode("1|0,1;~"));
        assertNull(ClientChildren.decode("1|-1,0;"));
        assertNull(ClientChildren.decode("1|0,0;1:x"));
        assertNull(ClientChildren.decode("1|0,1;99:vip"));
        assertNull(ClientChildren.decode("1|99999999999,0;"));
        assertNull(ClientChildren.decode("1|999999999,0;~~~~")); // no list of that size is made
        assertNull(ClientChildren.decode("1|x,0;"));
    }
}
