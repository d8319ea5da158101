package org.clientele.tab.files.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.clientele.files}: what uploads are accepted. */
@ObjectClassDefinition(id = FilesConfig.PID, name = "Clientele files",
        description = "Limits for the files (attachments) of clients.")
public @interface FilesConfig {
    String PID = "org.clientele.files";

    @AttributeDefinition(name = "Largest file", description = "The largest file accepted, in bytes; larger uploads get 413.")
    long maxBytes() default 10 * 1024 * 1024;

    @AttributeDefinition(name = "Accepted types",
            description = "Content types accepted, as detected from the bytes (a list, or one comma-separated value); "
                    + "other types get 415.")
    String[] allowedTypes() default {
        FileTypes.PDF, FileTypes.PNG, FileTypes.JPEG, FileTypes.GIF, FileTypes.WEBP, FileTypes.TEXT, FileTypes.CSV,
        FileTypes.ZIP, FileTypes.DOCX, FileTypes.XLSX, FileTypes.PPTX, FileTypes.ODT, FileTypes.ODS, FileTypes.EML};
}
