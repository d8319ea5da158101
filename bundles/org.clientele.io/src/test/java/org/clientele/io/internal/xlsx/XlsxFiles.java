package org.clientele.io.internal.xlsx;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds XLSX packages by hand, byte for byte, for the tests (valid, minimal and hostile ones). */
final class XlsxFiles {

    static final String NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

    /** Writes the body of a part into the archive, e.g. a huge sheet without holding it in memory. */
    interface PartWriter {
        void write(OutputStream out) throws IOException;
    }

    private final Map<String, PartWriter> parts = new LinkedHashMap<>();

    /** The minimal package: content types, relationships, a workbook with one sheet "Kunden". */
    static XlsxFiles minimal(String sheetData) {
        XlsxFiles f = new XlsxFiles();
        f.put("[Content_Types].xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
                <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
                <Default Extension="xml" ContentType="application/xml"/>
                <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
                <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
                <Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>
                <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>
                </Types>""");
        f.put("_rels/.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
                </Relationships>""");
        f.put("xl/workbook.xml", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
                <sheets><sheet name="Kunden" sheetId="1" r:id="rId1"/></sheets></workbook>""");
        f.put("xl/_rels/workbook.xml.rels", """
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                </Relationships>""");
        f.sheet(sheetData);
        return f;
    }

    /** Adds a shared strings part and its relationship. */
    XlsxFiles sharedStrings(PartWriter body) {
        parts.put("xl/_rels/workbook.xml.rels", out -> out.write("""
                <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
                <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
                <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
                <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>
                </Relationships>""".getBytes(StandardCharsets.UTF_8)));
        parts.put("xl/sharedStrings.xml", body);
        return this;
    }

    XlsxFiles sheet(String sheetData) {
        return sheetPart(out -> out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<worksheet xmlns=\"" + NS + "\"><sheetData>" + sheetData + "</sheetData></worksheet>")
                .getBytes(StandardCharsets.UTF_8)));
    }

    XlsxFiles sheetPart(PartWriter body) {
        parts.put("xl/worksheets/sheet1.xml", body);
        return this;
    }

    XlsxFiles put(String name, String content) {
        parts.put(name, out -> out.write(content.strip().getBytes(StandardCharsets.UTF_8)));
        return this;
    }

    byte[] bytes() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writeTo(bytes);
        return bytes.toByteArray();
    }

    void writeTo(OutputStream target) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(target)) {
            zip.setLevel(Deflater.BEST_COMPRESSION);
            for (Map.Entry<String, PartWriter> e : parts.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                e.getValue().write(zip);
                zip.closeEntry();
            }
        }
    }

    /** An inline-string cell. */
    static String inline(String ref, String xmlText) {
        return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + xmlText + "</t></is></c>";
    }
}
