package org.clientele.io.internal.format;

/**
 * The caps on untrusted input, from configuration.
 *
 * @param maxRows           data rows per file
 * @param maxColumns        columns per row
 * @param maxCellChars      characters per cell (Excel's own limit is 32,767)
 * @param maxTotalChars     characters of text per file, all cells together
 * @param maxUncompressedBytes for XLSX: bytes of any one unpacked part (zip bomb guard)
 */
public record Limits(long maxRows, int maxColumns, int maxCellChars, long maxTotalChars, long maxUncompressedBytes) {
}
