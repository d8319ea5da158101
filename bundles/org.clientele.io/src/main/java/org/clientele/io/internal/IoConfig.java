package org.clientele.io.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration of imports and exports, PID {@code org.clientele.io}. */
@ObjectClassDefinition(name = "Clientele import and export",
        description = "Limits on uploaded files and the batch size of import jobs.")
public @interface IoConfig {

    @AttributeDefinition(name = "Largest upload (bytes)", description = "Larger uploads are refused (HTTP 413).")
    long maxUploadBytes() default 50L * 1024 * 1024;

    @AttributeDefinition(name = "Most data rows per file")
    long maxRows() default 1_000_000;

    @AttributeDefinition(name = "Most columns per row")
    int maxColumns() default 200;

    @AttributeDefinition(name = "Most characters per cell", description = "Excel's own limit is 32,767.")
    int maxCellChars() default 32_767;

    @AttributeDefinition(name = "Most characters per file", description = "All cells together.")
    long maxTotalChars() default 200_000_000L;

    @AttributeDefinition(name = "Largest unpacked XLSX part (bytes)", description = "Zip bomb guard.")
    long maxUncompressedBytes() default 500L * 1024 * 1024;

    @AttributeDefinition(name = "Rows per batch", description = "Rows written in one transaction.", min = "1", max = "10000")
    int batchSize() default 500;

    @AttributeDefinition(name = "Directory of uploaded files",
            description = "Empty for ${karaf.data}/clientele/imports. A job's file stays there until the job ends.")
    String directory() default "";
}
