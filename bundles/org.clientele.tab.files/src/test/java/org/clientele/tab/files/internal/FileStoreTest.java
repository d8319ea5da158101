package org.clientele.tab.files.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.clientele.api.NotFoundException;
import org.clientele.api.Page;
import org.clientele.api.overview.Metric;
import org.clientele.api.overview.OverviewRequest;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.junit.AfterClass;
import org.junit.BeforeClass;
import org.junit.Test;

/** The store, tab, overview section, erasure and demo data on a real (in-memory Derby) database. */
public class FileStoreTest {
    private static final Instant T0 = Instant.parse("2026-03-16T09:30:00.123456Z");

    private static TestDatabase db;
    private static FileStore store;
    /** The clients held, one entry per storing transaction; clients named "gone-…" are refused. */
    private static final List<String> held = new CopyOnWriteArrayList<>();
    /** Fresh clients for every test: the tests share one database. */
    private final String c1 = UUID.randomUUID().toString();
    private final String c2 = UUID.randomUUID().toString();
    private final Uploads uploads = Uploads.of(UploadsTest.config(10 * 1024 * 1024, FileTypes.DEFAULT_ALLOWED));

    @BeforeClass
    public static void open() {
        db = new TestDatabase();
        store = new FileStore(db.template(), clientId -> {
            if (clientId.startsWith("gone-")) {
                throw new NotFoundException("client", clientId);
            }
            held.add(clientId);
        });
    }

    @AfterClass
    public static void close() {
        db.close();
    }

    private FileInfo upload(String client, String name, byte[] bytes, Instant at) throws IOException {
        try (Uploads.Accepted a = uploads.receive(new ByteArrayInputStream(bytes), name, null)) {
            return store.add(new FileStore.NewFile(client, a.name(), a.size(), a.contentType(), a.sha256(), at, "anna"),
                    a.path());
        }
    }

    @Test
    public void storesAndReadsBackByteIdentical() throws IOException {
        byte[] pdf = Samples.pdf();
        FileInfo info = upload(c1, "offer.pdf", pdf, T0);
        assertEquals(FileTypes.PDF, info.contentType());
        assertEquals(pdf.length, info.size());
        assertEquals(info, store.find(info.id()).orElseThrow());
        assertEquals(T0, info.uploadedAt());
        assertArrayEquals(pdf, store.readContent(info.id(), InputStream::readAllBytes));
    }

    @Test
    public void storingHoldsTheClientFirstAndARefusedHoldStoresNothing() throws IOException {
        upload(c1, "a.pdf", Samples.pdf(), T0);
        assertTrue(held.contains(c1));
        String gone = "gone-" + c2;
        assertThrows(NotFoundException.class, () -> upload(gone, "b.pdf", Samples.pdf(), T0));
        assertEquals(0, store.list(gone, 50, 0).total());
    }

    @Test
    public void contentLargerThanADefaultBlob() throws IOException {
        // EclipseLink would create BLOB(64000) without the column length
        StringBuilder sb = new StringBuilder();
        Random r = new Random(1);
        while (sb.length() < 300_000) {
            sb.append(Long.toString(r.nextLong(), 36)).append('\n');
        }
        byte[] text = Samples.text(sb.toString());
        FileInfo info = upload(c1, "big.txt", text, T0);
        assertArrayEquals(text, store.readContent(info.id(), InputStream::readAllBytes));
    }

    @Test
    public void listsNewestFirstWithTotal() throws IOException {
        for (int i = 0; i < 5; i++) {
            upload(c1, "note-" + i + ".txt", Samples.text("note " + i), T0.plusSeconds(i));
        }
        upload(c2, "other.txt", Samples.text("other"), T0);
        Page<FileInfo> page = store.list(c1, 2, 1);
        assertEquals(5, page.total());
        assertEquals(List.of("note-3.txt", "note-2.txt"), page.items().stream().map(FileInfo::name).toList());
        assertTrue(store.list(c1, 10, 5).items().isEmpty());
        assertEquals(0, store.list("nobody", 10, 0).total());
    }

    @Test
    public void usageCountsAndSums() throws IOException {
        upload(c1, "a.txt", Samples.text("12345"), T0);
        upload(c1, "b.pdf", Samples.pdf(), T0);
        upload(c2, "c.txt", Samples.text("x"), T0);
        assertEquals(new FileStore.Usage(2, 5 + Samples.pdf().length), store.usage(c1));
        assertEquals(new FileStore.Usage(0, 0), store.usage("nobody"));

        List<Metric> metrics = new FilesOverview(store).metrics(new OverviewRequest(c1, LocalDate.of(2026, 3, 16),
                Locale.GERMAN));
        assertEquals("count", metrics.get(0).id());
        assertEquals("Dateien", metrics.get(0).label());
        assertEquals(0, BigDecimal.valueOf(2).compareTo(metrics.get(0).value()));
        assertEquals("size", metrics.get(1).id());
        assertEquals(0, BigDecimal.valueOf(5 + Samples.pdf().length).compareTo(metrics.get(1).value()));
    }

    @Test
    public void deleteRemovesMetadataAndContent() throws IOException {
        FileInfo info = upload(c1, "a.txt", Samples.text("bye"), T0);
        assertTrue(store.delete(info.id()));
        assertTrue(store.find(info.id()).isEmpty());
        assertFalse(store.delete(info.id()));
        try {
            store.readContent(info.id(), InputStream::readAllBytes);
            fail("content survived the delete");
        } catch (NotFoundException expected) {
            // gone
        }
    }

    @Test
    public void unknownAndMalformedIdsAreNotFound() {
        assertTrue(store.find("999999").isEmpty());
        assertTrue(store.find("../1").isEmpty());
        assertTrue(store.find("99999999999999999999999").isEmpty());
        assertFalse(store.delete("abc"));
    }

    @Test
    public void erasureRemovesOnlyThatClientsFiles() throws IOException {
        FileInfo a = upload(c1, "a.txt", Samples.text("a"), T0);
        upload(c1, "b.pdf", Samples.pdf(), T0);
        FileInfo other = upload(c2, "c.txt", Samples.text("c"), T0);
        FilesErasure erasure = new FilesErasure(store);
        assertTrue(erasure.holdsRecords(c1));
        erasure.erase(c1);
        assertFalse("nothing left to keep the client for", erasure.holdsRecords(c1));
        assertTrue(erasure.holdsRecords(c2));
        assertEquals(0, store.list(c1, 10, 0).total());
        assertTrue(store.find(a.id()).isEmpty());
        try {
            store.readContent(a.id(), InputStream::readAllBytes);
            fail("content survived the erasure");
        } catch (NotFoundException expected) {
            // gone
        }
        assertArrayEquals(Samples.text("c"), store.readContent(other.id(), InputStream::readAllBytes));
    }

    @Test
    public void tabShowsUploadAndAPageOfFiles() throws IOException {
        FilesTab tab = new FilesTab(store, UploadsTest.config(2 * 1024 * 1024, FileTypes.DEFAULT_ALLOWED));
        TabContent empty = tab.render(new TabRequest(c1, 20, 0, LocalDate.of(2026, 3, 16), Locale.ENGLISH));
        assertEquals(List.of("upload", "text"), empty.blocks().stream().map(Block::kind).toList());
        Block.Upload upload = (Block.Upload) empty.blocks().get(0);
        assertEquals("/api/clients/" + c1 + "/files", upload.href());
        assertEquals(2 * 1024 * 1024, upload.maxBytes());

        for (int i = 0; i < 3; i++) {
            upload(c1, "n" + i + ".txt", Samples.text("n" + i), T0.plusSeconds(i));
        }
        TabContent content = tab.render(new TabRequest(c1, 2, 0, LocalDate.of(2026, 3, 16), Locale.GERMAN));
        Block.Table table = (Block.Table) content.blocks().get(1);
        assertEquals(3, table.total());
        assertEquals(2, table.rows().size());
        Block.Link link = (Block.Link) table.rows().get(0).get(0);
        assertEquals("n2.txt", link.label());
        assertTrue(link.href().matches("/api/files/\\d+"));
        assertEquals(LocalDate.of(2026, 3, 16), table.rows().get(0).get(3));
        assertEquals("Dateien", table.title());
    }

    @Test
    public void demoDataMakesValidFiles() throws IOException {
        String client = UUID.randomUUID().toString();
        new FilesDemoData(store).populate(client, new Random(7), LocalDate.of(2026, 3, 16), "demo");
        Page<FileInfo> files = store.list(client, 10, 0);
        assertTrue(files.total() >= 2 && files.total() <= 3);
        for (FileInfo f : files.items()) {
            byte[] bytes = store.readContent(f.id(), InputStream::readAllBytes);
            // every demo file passes the same checks as an upload
            try (Uploads.Accepted a = uploads.receive(new ByteArrayInputStream(bytes), f.name(), null)) {
                assertEquals(f.name(), a.contentType(), f.contentType());
                assertEquals(f.sha256(), a.sha256());
            }
            assertTrue(f.uploadedAt().isBefore(Instant.parse("2026-03-16T00:00:00Z")));
            assertEquals("demo", f.uploadedBy());
        }
        assertTrue(files.items().stream().anyMatch(f -> f.contentType().equals(FileTypes.PDF)));
        assertTrue(files.items().stream().anyMatch(f -> f.contentType().equals(FileTypes.CSV)));
    }
}
