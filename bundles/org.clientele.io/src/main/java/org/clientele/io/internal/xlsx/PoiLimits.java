package org.clientele.io.internal.xlsx;

import org.apache.poi.openxml4j.util.ZipSecureFile;

/**
 * The one place where Apache POI's JVM-wide safety limits are set.
 *
 * <p>POI keeps its zip-bomb guards in static fields of {@link ZipSecureFile}: they apply to
 * every caller of POI in this JVM (here: every caller of our wrapped POI bundle). They are set
 * once, when this class is initialised, which {@link XlsxReader} and {@link XlsxWriter} trigger
 * before they touch POI. Nothing else in Clientele may call these setters.
 *
 * <ul>
 *   <li><b>Minimum inflate ratio 0.01</b> (POI's default, set explicitly so it cannot drift):
 *       a part of an XLSX that unpacks to more than 100 times its compressed size (after POI's
 *       100 KB grace size) is refused as a zip bomb. Real sheets compress 5-20 times; a
 *       200 MB sheet of repeated cells that deflates to a few KB is 1:50,000.</li>
 *   <li><b>Maximum entry size 1 GiB</b> (POI's default is 4 GiB): no single unpacked part may
 *       exceed it, whatever the ratio. The configurable, usually lower, per-import cap
 *       ({@code Limits.maxUncompressedBytes}) is enforced by {@link XlsxReader} itself while it
 *       reads, since POI's limit is global.</li>
 *   <li><b>Maximum entries 1000</b> (POI's default, set explicitly): an XLSX with more parts is
 *       refused.</li>
 * </ul>
 *
 * <p>POI's XML parsing goes through {@code org.apache.poi.util.XMLHelper}, which already refuses
 * DOCTYPE declarations (no entity expansion, no external entities); that needs no setting.
 */
final class PoiLimits {

    static final double MIN_INFLATE_RATIO = 0.01d;
    static final long MAX_ENTRY_SIZE = 1L << 30;
    static final long MAX_FILE_COUNT = 1000;

    static {
        ZipSecureFile.setMinInflateRatio(MIN_INFLATE_RATIO);
        ZipSecureFile.setMaxEntrySize(MAX_ENTRY_SIZE);
        ZipSecureFile.setMaxFileCount(MAX_FILE_COUNT);
    }

    private PoiLimits() {
    }

    /** Makes sure the limits are in place (the first call initialises the class). */
    static void apply() {
        // the static initialiser did the work
    }
}
