package org.clientele.tab.files.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Tells a file's content type from its bytes, never from what the client says: magic
 * numbers for the binary formats, the entries of a zip for the office formats, strict UTF-8
 * without NUL for text. The name's extension only chooses between text types (CSV, plain
 * text, ...) and is otherwise checked against the bytes.
 */
final class FileTypes {

    static final String PDF = "application/pdf";
    static final String PNG = "image/png";
    static final String JPEG = "image/jpeg";
    static final String GIF = "image/gif";
    static final String WEBP = "image/webp";
    static final String TEXT = "text/plain";
    static final String CSV = "text/csv";
    static final String ZIP = "application/zip";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";
    static final String ODT = "application/vnd.oasis.opendocument.text";
    static final String ODS = "application/vnd.oasis.opendocument.spreadsheet";
    static final String EML = "message/rfc822";

    // detected so that the refusal can name them; not accepted by default
    static final String BINARY = "application/octet-stream";
    static final String WINDOWS_EXECUTABLE = "application/vnd.microsoft.portable-executable";
    static final String ELF_EXECUTABLE = "application/x-executable";
    static final String MACH_O = "application/x-mach-binary";
    static final String OLE = "application/x-ole-storage";
    static final String HTML = "text/html";
    static final String SVG = "image/svg+xml";
    static final String XML = "application/xml";
    static final String JSON = "application/json";
    static final String JAVASCRIPT = "text/javascript";
    static final String SCRIPT = "application/x-sh";
    static final String JAR = "application/java-archive";
    static final String DOCM = "application/vnd.ms-word.document.macroEnabled.12";
    static final String XLSM = "application/vnd.ms-excel.sheet.macroEnabled.12";
    static final String PPTM = "application/vnd.ms-powerpoint.presentation.macroEnabled.12";

    /** What the configuration accepts unless told otherwise. */
    static final String[] DEFAULT_ALLOWED = {PDF, PNG, JPEG, GIF, WEBP, TEXT, CSV, ZIP, DOCX, XLSX, PPTX, ODT, ODS, EML};

    /** The type a name's extension stands for, where it stands for one. */
    private static final Map<String, String> BY_EXTENSION = Map.ofEntries(
            Map.entry("pdf", PDF), Map.entry("png", PNG), Map.entry("jpg", JPEG), Map.entry("jpeg", JPEG),
            Map.entry("jpe", JPEG), Map.entry("jfif", JPEG), Map.entry("gif", GIF), Map.entry("webp", WEBP),
            Map.entry("txt", TEXT), Map.entry("text", TEXT), Map.entry("log", TEXT), Map.entry("md", TEXT),
            Map.entry("csv", CSV), Map.entry("zip", ZIP), Map.entry("docx", DOCX), Map.entry("xlsx", XLSX),
            Map.entry("pptx", PPTX), Map.entry("odt", ODT), Map.entry("ods", ODS), Map.entry("eml", EML),
            Map.entry("exe", WINDOWS_EXECUTABLE), Map.entry("dll", WINDOWS_EXECUTABLE),
            Map.entry("com", WINDOWS_EXECUTABLE), Map.entry("scr", WINDOWS_EXECUTABLE),
            Map.entry("msi", OLE), Map.entry("doc", OLE), Map.entry("xls", OLE), Map.entry("ppt", OLE),
            Map.entry("html", HTML), Map.entry("htm", HTML), Map.entry("xhtml", HTML), Map.entry("svg", SVG),
            Map.entry("xml", XML), Map.entry("json", JSON), Map.entry("js", JAVASCRIPT), Map.entry("mjs", JAVASCRIPT),
            Map.entry("sh", SCRIPT), Map.entry("bash", SCRIPT), Map.entry("bat", SCRIPT), Map.entry("cmd", SCRIPT),
            Map.entry("ps1", SCRIPT), Map.entry("vbs", SCRIPT), Map.entry("py", SCRIPT), Map.entry("pl", SCRIPT),
            Map.entry("php", SCRIPT), Map.entry("rb", SCRIPT), Map.entry("jar", JAR), Map.entry("docm", DOCM),
            Map.entry("xlsm", XLSM), Map.entry("pptm", PPTM));

    /** Other names clients use for a type. */
    private static final Map<String, Set<String>> ALIASES = Map.of(
            JPEG, Set.of("image/jpg", "image/pjpeg"),
            PDF, Set.of("application/x-pdf"),
            ZIP, Set.of("application/x-zip-compressed", "application/x-zip", "multipart/x-zip"),
            // browsers on Windows send Excel's type for every .csv
            CSV, Set.of(TEXT, "application/csv", "text/x-csv", "text/comma-separated-values",
                    "application/vnd.ms-excel"));

    /** Declared text types that claim active content, not plain text. */
    private static final Set<String> ACTIVE_TEXT = Set.of(HTML, JAVASCRIPT, "text/ecmascript", "text/xml", "text/x-sh");

    private static final int HEAD = 8192;

    private FileTypes() {
    }

    /**
     * The content type of the bytes in {@code file}; {@link #BINARY} when none is recognised.
     *
     * @param name the (sanitised) file name; its extension only decides between text types
     */
    static String detect(Path file, String name) throws IOException {
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, HEAD);
        }
        String magic = magic(head, n);
        if (magic == null) {
            return BINARY;
        }
        if (magic.equals(ZIP)) {
            return zip(file);
        }
        if (!magic.equals(TEXT)) {
            return magic;
        }
        String ext = extension(name);
        if (ext.equals("eml") && looksLikeMessage(head, n)) {
            return EML;
        }
        if (!isUtf8WithoutNul(file)) {
            return BINARY;
        }
        return text(head, n, ext);
    }

    /** The type the first bytes announce: a binary format, {@link #ZIP}, {@link #TEXT} (maybe), or null. */
    static String magic(byte[] b, int n) {
        if (starts(b, n, "%PDF-")) {
            return PDF;
        }
        if (starts(b, n, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return PNG;
        }
        if (starts(b, n, 0xFF, 0xD8, 0xFF)) {
            return JPEG;
        }
        if (starts(b, n, "GIF87a") || starts(b, n, "GIF89a")) {
            return GIF;
        }
        if (n >= 12 && starts(b, n, "RIFF") && b[8] == 'W' && b[9] == 'E' && b[10] == 'B' && b[11] == 'P') {
            return WEBP;
        }
        if (starts(b, n, 'P', 'K', 3, 4) || starts(b, n, 'P', 'K', 5, 6)) {
            return ZIP;
        }
        if (starts(b, n, 'M', 'Z')) {
            return WINDOWS_EXECUTABLE;
        }
        if (starts(b, n, 0x7F, 'E', 'L', 'F')) {
            return ELF_EXECUTABLE;
        }
        if (starts(b, n, 0xFE, 0xED, 0xFA, 0xCE) || starts(b, n, 0xFE, 0xED, 0xFA, 0xCF)
                || starts(b, n, 0xCE, 0xFA, 0xED, 0xFE) || starts(b, n, 0xCF, 0xFA, 0xED, 0xFE)
                || starts(b, n, 0xCA, 0xFE, 0xBA, 0xBE)) {
            return MACH_O;
        }
        if (starts(b, n, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return OLE;
        }
        if (starts(b, n, "#!")) {
            return SCRIPT;
        }
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return null;
            }
        }
        return TEXT;
    }

    /** Office formats are zips: OOXML by [Content_Types].xml and its main folder, ODF by its mimetype entry. */
    static String zip(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry mimetype = zip.getEntry("mimetype");
            if (mimetype != null && !mimetype.isDirectory()) {
                try (InputStream in = zip.getInputStream(mimetype)) {
                    String type = new String(in.readNBytes(128), StandardCharsets.US_ASCII).strip();
                    if (type.startsWith("application/vnd.oasis.opendocument.")) {
                        return type;
                    }
                }
            }
            boolean contentTypes = false;
            boolean manifest = false;
            boolean classes = false;
            String office = null;
            boolean macros = false;
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                String entry = entries.nextElement().getName();
                if (entry.equals("[Content_Types].xml")) {
                    contentTypes = true;
                } else if (entry.equals("META-INF/MANIFEST.MF")) {
                    manifest = true;
                } else if (entry.endsWith(".class")) {
                    classes = true;
                } else if (office == null && entry.startsWith("word/")) {
                    office = DOCX;
                } else if (office == null && entry.startsWith("xl/")) {
                    office = XLSX;
                } else if (office == null && entry.startsWith("ppt/")) {
                    office = PPTX;
                }
                if (entry.endsWith("/vbaProject.bin")) {
                    macros = true;
                }
            }
            if (contentTypes && office != null) {
                if (!macros) {
                    return office;
                }
                return office.equals(DOCX) ? DOCM : office.equals(XLSX) ? XLSM : PPTM;
            }
            if (manifest && classes) {
                return JAR;
            }
            return ZIP;
        } catch (ZipException broken) {
            return BINARY;
        }
    }

    /** Which text it is: markup and scripts by their first characters, otherwise by extension. */
    private static String text(byte[] head, int n, String ext) {
        String start = new String(head, 0, Math.min(n, 1024), StandardCharsets.UTF_8).replace("\uFEFF", "")
                .stripLeading().toLowerCase(Locale.ROOT);
        if (start.startsWith("<!doctype html") || start.startsWith("<html") || start.startsWith("<head")
                || start.startsWith("<body") || start.startsWith("<script") || start.startsWith("<iframe")) {
            return HTML;
        }
        if (start.startsWith("<svg")) {
            return SVG;
        }
        if (start.startsWith("<?xml") || start.startsWith("<!doctype")) {
            return start.contains("<svg") ? SVG : start.contains("<html") ? HTML : XML;
        }
        String byName = BY_EXTENSION.get(ext);
        if (byName != null && (byName.equals(CSV) || byName.equals(EML) || byName.equals(HTML) || byName.equals(SVG)
                || byName.equals(XML) || byName.equals(JSON) || byName.equals(JAVASCRIPT) || byName.equals(SCRIPT))) {
            return byName;
        }
        return TEXT;
    }

    /** RFC 5322 header fields at the start ("Name: value"), for mails that are not UTF-8. */
    private static boolean looksLikeMessage(byte[] b, int n) {
        int colon = -1;
        for (int i = 0; i < Math.min(n, 200); i++) {
            if (b[i] == ':') {
                colon = i;
                break;
            }
            if (!(b[i] >= 'A' && b[i] <= 'Z' || b[i] >= 'a' && b[i] <= 'z' || b[i] >= '0' && b[i] <= '9' || b[i] == '-')) {
                return false;
            }
        }
        if (colon < 1) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            if (b[i] == 0) {
                return false;
            }
        }
        return true;
    }

    /** The whole file is well-formed UTF-8 and has no NUL character. */
    static boolean isUtf8WithoutNul(Path file) throws IOException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.allocate(HEAD);
        java.nio.CharBuffer out = java.nio.CharBuffer.allocate(HEAD);
        try (InputStream stream = Files.newInputStream(file)) {
            while (true) {
                int n = stream.read(in.array(), in.position(), in.remaining());
                boolean end = n < 0;
                if (!end) {
                    in.position(in.position() + n);
                }
                in.flip();
                for (int i = in.position(); i < in.limit(); i++) {
                    if (in.get(i) == 0) {
                        return false;
                    }
                }
                if (decoder.decode(in, out, end).isError()) {
                    return false;
                }
                out.clear();
                in.compact();
                if (end) {
                    return !decoder.flush(out).isError();
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /**
     * Text in an 8-bit code page such as Windows-1252 (as Excel saves "CSV"), which is not
     * accepted as text: no NUL and no control characters but tab, line breaks, form feed and
     * the DOS end-of-file mark in the first block.
     */
    static boolean looksLikeLegacyText(Path file) throws IOException {
        byte[] head = new byte[HEAD];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, HEAD);
        }
        for (int i = 0; i < n; i++) {
            int b = head[i] & 0xFF;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f' && b != 0x1A || b == 0x7F) {
                return false;
            }
        }
        return n > 0;
    }

    /** The lower-case extension of a name, or "". */
    static String extension(String name) {
        int dot = name == null ? -1 : name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The type the name's extension stands for, if it stands for one. */
    static Optional<String> byExtension(String name) {
        return Optional.ofNullable(BY_EXTENSION.get(extension(name)));
    }

    /**
     * Whether a type the client declared fits the detected one: no declaration (or
     * {@code application/octet-stream}) fits anything.
     */
    static boolean declaredFits(String declared, String detected) {
        String d = baseType(declared);
        if (d.isEmpty() || d.equals(BINARY) || d.equals(detected)) {
            return true;
        }
        if (ALIASES.getOrDefault(detected, Set.of()).contains(d)) {
            return true;
        }
        return detected.equals(TEXT) && d.startsWith("text/") && !ACTIVE_TEXT.contains(d);
    }

    /** {@code Text/Plain; charset=x} → {@code text/plain}. */
    static String baseType(String type) {
        if (type == null) {
            return "";
        }
        int semi = type.indexOf(';');
        return (semi < 0 ? type : type.substring(0, semi)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean starts(byte[] b, int n, String ascii) {
        if (n < ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (b[i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean starts(byte[] b, int n, int... bytes) {
        if (n < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if (b[i] != (byte) bytes[i]) {
                return false;
            }
        }
        return true;
    }
}
