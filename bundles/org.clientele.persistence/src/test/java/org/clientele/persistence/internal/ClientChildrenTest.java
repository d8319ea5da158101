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
        String text = ClientChildren.encode(contacts, tags, 7);
        assertNotNull(text);
        assertNull("another version of the row", ClientChildren.decode(text, 8));
        ClientChildren.Children read = ClientChildren.decode(text, 7);
        assertNotNull(text, read);
        assertEquals(text, contacts, read.contacts());
        assertEquals(text, tags, read.tags());
    }

    @Test
    public void noneAndSomeContactsAndTags() {
        assertRoundTrip(List.of(), List.of());
        assertEquals("2|1;0,0;", ClientChildren.encode(List.of(), List.of(), 1));
        assertEquals("2|12;1,2;5:Meier~~3:+493:vip1:b",
                ClientChildren.encode(List.of(new Contact("Meier", null, null, "+49")), List.of("vip", "b"), 12));
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
            String text = ClientChildren.encode(contacts, List.of(), 1);
            if (text.equals(ClientChildren.NOT_KEPT)) {
                assertNull("not read", ClientChildren.decode(text, 1));
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
        String good = ClientChildren.encode(List.of(new Contact("Meier", "CEO", "m@x.example", null)), List.of("vip"), 3);
        assertNotNull(ClientChildren.decode(good, 3));
        assertNull(ClientChildren.decode(good, 4));
        assertNull(ClientChildren.decode(null, 3));
        assertNull(ClientChildren.decode("", 3));
        assertNull(ClientChildren.decode("1" + good.substring(1), 3));
        assertNull(ClientChildren.decode(good + "x", 3));
        for (int cut = 0; cut < good.length(); cut++) {
            assertNull(good.substring(0, cut), ClientChildren.decode(good.substring(0, cut), 3));
        }
        assertNull(ClientChildren.decode("1|0,0;", 3)); // the format before the version was kept
        assertNull(ClientChildren.decode("2|3;0,1;~", 3));
        assertNull(ClientChildren.decode("2|3;-1,0;", 3));
        assertNull(ClientChildren.decode("2|-3;0,0;", -3));
        assertNull(ClientChildren.decode("2|3;0,0;1:x", 3));
        assertNull(ClientChildren.decode("2|3;0,1;99:vip", 3));
        assertNull(ClientChildren.decode("2|3;99999999999,0;", 3));
        assertNull(ClientChildren.decode("2|3;999999999,0;~~~~", 3)); // no list of that size is made
        assertNull(ClientChildren.decode("2|3;x,0;", 3));
        assertNull(ClientChildren.decode("2|x;0,0;", 3));
    }
}
