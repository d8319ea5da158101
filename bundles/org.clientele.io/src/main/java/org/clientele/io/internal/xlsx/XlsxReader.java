package org.clientele.io.internal.xlsx;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipException;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.util.ZipFileZipEntrySource;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.clientele.io.internal.format.Limits;
import org.clientele.io.internal.format.RejectedFileException;
import org.clientele.io.internal.format.SheetReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xml.sax.Attributes;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the first sheet of an XLSX workbook with POI's streaming SAX event model.
 *
 * <p>The constructor copies the upload to a temporary file, recognises what it really is
 * (OLE2: encrypted OOXML or a legacy .xls; anything else that is not a ZIP), opens it with POI's
 * {@link ZipSecureFile} (zip bomb guards, see {@link PoiLimits}), refuses relationship,
 * content-type and property parts over 4 MB (POI parses those into DOM trees), reads the workbook, the
 * number formats and the shared strings (to a disk-backed table, {@link SharedStringsFile}).
 * All XML goes through POI's hardened {@link XMLHelper#newXMLReader()} (DOCTYPE refused).
 * A producer thread then parses the sheet and hands rows over in small chunks through a
 * bounded queue, so memory stays flat whatever the number of rows; {@link #close()} stops it.
 *
 * <p>Limits: at most {@code maxRows} data rows after the header row, cells beyond column
 * {@code maxColumns}, cells over {@code maxCellChars}, text over {@code maxTotalChars} in all
 * cells (and in the shared strings table), parts that unpack beyond
 * {@code maxUncompressedBytes}, NUL characters: each ends the file with a
 * {@link RejectedFileException}. Rows before the offending one have been delivered already;
 * callers that must write nothing from a refused file read it to the end first (dry run).
 *
 * <p>Rows absent from the sheet (Excel omits empty rows) are not invented: {@link #rowNumber()}
 * jumps. A row present without cells is an empty list. Missing cells inside a row are "".
 */
public final class XlsxReader implements SheetReader {

    private static final Logger LOG = LoggerFactory.getLogger(XlsxReader.class);
    private static final int CHUNK_ROWS = 256;
    private static final long CHUNK_CHARS = 1 << 20;
    private static final int QUEUE_CHUNKS = 2;
    /** Relationship, content-type and document-property parts, which POI parses into DOM trees. */
    static final long MAX_PACKAGE_PART = 4L << 20;

    private final Limits limits;
    private final Path file;
    private final BlockingQueue<Chunk> queue = new ArrayBlockingQueue<>(QUEUE_CHUNKS);
    private OPCPackage pkg;
    private SharedStringsFile sharedStrings;
    private CellStyles styles;
    private boolean date1904;
    private String sheetName;
    private InputStream sheet;
    private Thread producer;
    private volatile boolean closed;

    private Chunk current;
    private int index;
    private long rowNumber;
    private boolean done;

    /**
     * @param in     the upload; read to the end here (not closed)
     * @param limits caps on the input
     * @throws RejectedFileException when the file is not an XLSX workbook, encrypted, truncated,
     *                               a zip bomb or over a limit in its shared strings
     */
    public XlsxReader(InputStream in, Limits limits) throws IOException {
        PoiLimits.apply();
        this.limits = limits;
        this.file = Files.createTempFile("clientele-import-", ".xlsx");
        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(XSSFReader.class.getClassLoader());
        try {
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            open();
        } catch (IOException | RuntimeException | Error e) {
            cleanUp();
            throw e;
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
        producer = new Thread(this::produce, "clientele-xlsx-reader");
        producer.setDaemon(true);
        producer.setContextClassLoader(XSSFReader.class.getClassLoader());
        producer.start();
    }

    private void open() throws IOException {
        FileMagic magic;
        try (InputStream head = FileMagic.prepareToCheckMagic(Files.newInputStream(file))) {
            magic = FileMagic.valueOf(head);
        } catch (IOException | RuntimeException e) {
            throw new RejectedFileException("NOT_XLSX", "The file is empty or too short to be an XLSX workbook", e);
        }
        if (magic == FileMagic.OLE2) {
            throw ole2();
        }
        if (magic != FileMagic.OOXML) {
            throw new RejectedFileException("NOT_XLSX", "The file is not an XLSX workbook (an XLSX file is a ZIP archive; this one is "
                    + describeMagic(magic) + ")");
        }
        ZipSecureFile zip;
        try {
            zip = new ZipSecureFile(file.toFile());
        } catch (IOException e) {
            throw new RejectedFileException("TRUNCATED", "The XLSX file is truncated or damaged: its ZIP directory cannot be read", e);
        }
        try {
            checkPackageParts(zip);
        } catch (IOException | RuntimeException e) {
            zip.close();
            throw e;
        }
        try {
            pkg = OPCPackage.open(new ZipFileZipEntrySource(zip));
        } catch (InvalidFormatException | IllegalArgumentException | IllegalStateException e) {
            zip.close();
            RejectedFileException classified = classify(e);
            throw classified != null ? classified
                    : new RejectedFileException("NOT_XLSX", "The file is a ZIP archive but not an Office Open XML document", e);
        }
        try {
            XSSFReader reader = new XSSFReader(pkg);
            readWorkbook(reader);
            readStyles(reader);
            readSharedStrings(reader);
            XSSFReader.SheetIterator sheets = reader.getSheetIterator();
            if (!sheets.hasNext()) {
                throw new RejectedFileException("NOT_XLSX", "The workbook has no worksheet");
            }
            sheet = sheets.next();
            sheetName = sheets.getSheetName();
        } catch (RejectedFileException e) {
            throw e;
        } catch (IOException | OpenXML4JException | RuntimeException e) {
            RejectedFileException classified = classify(e);
            throw classified != null ? classified
                    : new RejectedFileException("NOT_XLSX", "The file is an Office document but not an Excel workbook: " + e.getMessage(), e);
        }
    }

    /**
     * POI reads the package's relationship, content-type and document-property parts into DOM
     * trees when it opens the package, before any of our caps apply: a few MB of them is far more
     * than any real workbook has, so anything bigger is refused before POI sees it. Also refuses
     * more parts than POI's entry limit. (Only these small parts are read twice.)
     */
    private static void checkPackageParts(ZipSecureFile zip) throws IOException {
        int count = 0;
        byte[] buffer = new byte[8192];
        for (Enumeration<ZipArchiveEntry> entries = zip.getEntries(); entries.hasMoreElements(); ) {
            ZipArchiveEntry entry = entries.nextElement();
            if (++count > PoiLimits.MAX_FILE_COUNT) {
                throw new RejectedFileException("ZIP_BOMB", "The file holds more than " + PoiLimits.MAX_FILE_COUNT
                        + " parts; no workbook needs that many");
            }
            String name = entry.getName().toLowerCase(Locale.ROOT);
            if (!(name.endsWith(".rels") || name.equals("[content_types].xml") || name.startsWith("docprops/"))) {
                continue;
            }
            try (InputStream in = zip.getInputStream(entry)) {
                long size = 0;
                for (int n; (n = in.read(buffer)) > 0; ) {
                    size += n;
                    if (size > MAX_PACKAGE_PART) {
                        throw new RejectedFileException("FILE_TOO_LARGE", "The package part " + entry.getName()
                                + " unpacks to more than " + MAX_PACKAGE_PART + " bytes; no workbook needs that much");
                    }
                }
            } catch (RejectedFileException e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                RejectedFileException classified = classify(e);
                throw classified != null ? classified
                        : new RejectedFileException("CORRUPT", "The package part " + entry.getName() + " cannot be read: " + e.getMessage(), e);
            }
        }
    }

    private RejectedFileException ole2() {
        try (POIFSFileSystem fs = new POIFSFileSystem(file.toFile(), true)) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                return new RejectedFileException("ENCRYPTED",
                        "The workbook is password-protected (encrypted); save it without a password and upload it again");
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("OLE2 file that POIFS cannot read", e);
        }
        return new RejectedFileException("NOT_XLSX",
                "The file is an Excel 97-2003 (.xls) or other OLE2 document, not XLSX; save it as .xlsx and upload it again");
    }

    private static String describeMagic(FileMagic magic) {
        return switch (magic) {
            case UNKNOWN -> "of an unknown type";
            case OOXML, OLE2 -> magic.name();
            default -> "a " + magic.name() + " file";
        };
    }

    private void readWorkbook(XSSFReader reader) throws IOException, OpenXML4JException {
        try (InputStream in = reader.getWorkbookData()) {
            parse(in, "workbook", new DefaultHandler() {
                @Override
                public void startElement(String uri, String localName, String qName, Attributes attributes) {
                    if ("workbookPr".equals(localName)) {
                        String v = attributes.getValue("date1904");
                        date1904 = "1".equals(v) || "true".equalsIgnoreCase(v);
                    }
                }
            });
        }
    }

    private void readStyles(XSSFReader reader) throws IOException, OpenXML4JException {
        styles = new CellStyles();
        try (InputStream in = reader.getStylesData()) {
            if (in != null) {
                parse(in, "styles", styles);
            }
        }
    }

    private void readSharedStrings(XSSFReader reader) throws IOException, OpenXML4JException {
        sharedStrings = new SharedStringsFile(file.getParent());
        try (InputStream in = reader.getSharedStringsData()) {
            if (in != null) {
                parse(in, "shared strings", new SharedStringsHandler(limits, sharedStrings));
            }
        }
        sharedStrings.seal();
    }

    /** Parses one part with POI's hardened SAX reader; turns every failure into a rejection. */
    private void parse(InputStream in, String part, ContentHandler handler) throws IOException {
        try {
            XMLReader xml = XMLHelper.newXMLReader();
            xml.setContentHandler(handler);
            // fail on the first error without POI's handler logging each hostile file at FATAL
            xml.setErrorHandler(new DefaultHandler());
            xml.parse(new InputSource(new CappedInputStream(in, limits.maxUncompressedBytes(), part)));
        } catch (SAXException e) {
            if (e.getException() instanceof RejectedFileException r) {
                throw r;
            }
            if (e.getException() instanceof IOException io) {
                throw rejection(io, part);
            }
            throw xmlRejection(e, part);
        } catch (javax.xml.parsers.ParserConfigurationException e) {
            throw new IOException("No SAX parser available", e);
        } catch (RejectedFileException e) {
            throw e;
        } catch (IOException e) {
            throw rejection(e, part);
        }
    }

    private static RejectedFileException xmlRejection(SAXException e, String part) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("DOCTYPE") || message.contains("ENTITY") || message.contains("entity")) {
            return new RejectedFileException("XML_ENTITY", "The " + part
                    + " part declares a DOCTYPE or entities (XML entity expansion / external entities are refused)", e);
        }
        if (message.contains("(Unicode: 0x0)")) {
            return new RejectedFileException("NUL_BYTE", "The " + part + " part contains a NUL character", e);
        }
        String where = e instanceof SAXParseException p ? " (line " + p.getLineNumber() + ")" : "";
        return new RejectedFileException("CORRUPT", "The " + part + " part is not well-formed XML" + where + ": " + message, e);
    }

    private static RejectedFileException rejection(IOException e, String part) {
        RejectedFileException classified = classify(e);
        return classified != null ? classified
                : new RejectedFileException("CORRUPT", "The " + part + " part cannot be read: " + e.getMessage(), e);
    }

    /** Recognises POI's zip bomb guard and truncated data anywhere in a cause chain. */
    private static RejectedFileException classify(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RejectedFileException r) {
                return r;
            }
            String m = String.valueOf(t.getMessage());
            if (m.contains("Zip bomb") || m.contains("MIN_INFLATE_RATIO") || m.contains("MAX_ENTRY_SIZE")
                    || m.contains("MAX_FILE_COUNT")) {
                return new RejectedFileException("ZIP_BOMB", "The file unpacks to far more data than it holds (zip bomb): "
                        + m.lines().findFirst().orElse(m), e);
            }
            if (t instanceof EOFException || t instanceof ZipException || m.contains("Truncated") || m.contains("Unexpected end")) {
                return new RejectedFileException("TRUNCATED", "The XLSX file is truncated or damaged: " + m, e);
            }
        }
        return null;
    }

    // ---------------------------------------------------------------- producer

    private void produce() {
        List<List<String>> rows = new ArrayList<>();
        List<Long> numbers = new ArrayList<>();
        long[] chars = {0};
        try {
            SheetHandler handler = new SheetHandler(limits, sharedStrings, styles, date1904, (number, cells) -> {
                if (closed) {
                    throw new SAXException(new InterruptedIOException("reader closed"));
                }
                rows.add(cells);
                numbers.add(number);
                for (String c : cells) {
                    chars[0] += c.length();
                }
                if (rows.size() >= CHUNK_ROWS || chars[0] >= CHUNK_CHARS) {
                    put(new Chunk(new ArrayList<>(rows), toArray(numbers), null));
                    rows.clear();
                    numbers.clear();
                    chars[0] = 0;
                }
            });
            try (InputStream in = sheet) {
                parse(in, "worksheet", handler);
            }
            put(new Chunk(rows, toArray(numbers), null));
            put(Chunk.END);
        } catch (SAXException e) {
            // closed while waiting to hand over rows: nobody is listening any more
        } catch (IOException e) {
            if (!closed) {
                offerError(rows, numbers, e);
            }
        } catch (RuntimeException | Error e) {
            if (!closed) {
                offerError(rows, numbers, new IOException("Reading the worksheet failed: " + e, e));
            }
        }
    }

    private void offerError(List<List<String>> rows, List<Long> numbers, IOException e) {
        try {
            if (!rows.isEmpty()) {
                put(new Chunk(rows, toArray(numbers), null));
            }
            put(new Chunk(List.of(), new long[0], e));
        } catch (SAXException interrupted) {
            // closed meanwhile: nobody is waiting
        }
    }

    private void put(Chunk chunk) throws SAXException {
        try {
            while (!queue.offer(chunk, 100, TimeUnit.MILLISECONDS)) {
                if (closed) {
                    throw new SAXException(new InterruptedIOException("reader closed"));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SAXException(new InterruptedIOException("reader interrupted"));
        }
    }

    private static long[] toArray(List<Long> numbers) {
        long[] a = new long[numbers.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = numbers.get(i);
        }
        return a;
    }

    // ---------------------------------------------------------------- consumer

    @Override
    public List<String> next() throws IOException {
        while (true) {
            if (done || closed) {
                return null;
            }
            if (current != null && index < current.rows.size()) {
                rowNumber = current.numbers[index];
                return current.rows.get(index++);
            }
            try {
                current = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("Interrupted while reading the worksheet");
            }
            index = 0;
            if (current == Chunk.END) {
                done = true;
                return null;
            }
            if (current.error != null) {
                done = true;
                throw current.error;
            }
        }
    }

    @Override
    public long rowNumber() {
        return rowNumber;
    }

    @Override
    public String describe() {
        return "XLSX, sheet '" + sheetName + "'";
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        Thread p = producer;
        if (p != null) {
            queue.clear();
            try {
                p.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        cleanUp();
    }

    private void cleanUp() throws IOException {
        try {
            if (pkg != null) {
                pkg.revert();
            }
        } finally {
            try {
                if (sharedStrings != null) {
                    sharedStrings.close();
                }
            } finally {
                Files.deleteIfExists(file);
            }
        }
    }

    private record Chunk(List<List<String>> rows, long[] numbers, IOException error) {
        static final Chunk END = new Chunk(List.of(), new long[0], null);
    }

    /** Counts the unpacked bytes of one part and refuses it beyond the per-import cap. */
    private static final class CappedInputStream extends FilterInputStream {
        private final long max;
        private final String part;
        private long count;

        CappedInputStream(InputStream in, long max, String part) {
            super(in);
            this.max = max;
            this.part = part;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws RejectedFileException {
            count += n;
            if (count > max) {
                throw new RejectedFileException("FILE_TOO_LARGE", "The " + part + " part unpacks to more than " + max
                        + " bytes (the limit for one import)");
            }
        }
    }

    /** For tests: whether the producer thread has ended. */
    boolean producerDone() {
        return producer == null || !producer.isAlive();
    }
}
