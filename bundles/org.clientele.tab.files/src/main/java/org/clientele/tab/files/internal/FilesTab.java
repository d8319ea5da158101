package org.clientele.tab.files.internal;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.clientele.api.Page;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.ClientTab;
import org.clientele.api.tab.Tab;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabRequest;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;

/** The Files tab: where to upload, and a page of the client's files with download links. */
@Component(service = ClientTab.class, configurationPid = FilesConfig.PID, name = "org.clientele.files.tab")
@Tab(id = "files", title = "Files", titles = "de=Dateien", order = 60)
public class FilesTab implements ClientTab {
    private final FileStore store;
    private volatile long maxBytes;

    @Activate
    public FilesTab(@Reference FileStore store, FilesConfig config) {
        this.store = store;
        this.maxBytes = config.maxBytes();
    }

    /** A new limit without re-registering the tab. */
    @Modified
    void modified(FilesConfig config) {
        this.maxBytes = config.maxBytes();
    }

    @Override
    public TabContent render(TabRequest request) {
        long maxBytes = this.maxBytes;
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Block.Upload(request.text("Upload a file (at most " + Sizes.human(maxBytes) + ")",
                "Datei hochladen (höchstens " + Sizes.human(maxBytes) + ")"),
                "/api/clients/" + request.clientId() + "/files", maxBytes));
        Page<FileInfo> page = store.list(request.clientId(), request.limit(), request.offset());
        if (page.total() == 0) {
            blocks.add(new Block.Text(null, request.text("No files yet.", "Noch keine Dateien.")));
            return new TabContent(blocks);
        }
        List<Block.Column> columns = List.of(
                new Block.Column("name", request.text("Name", "Name"), "link"),
                new Block.Column("type", request.text("Type", "Typ"), "text"),
                new Block.Column("size", request.text("Size (bytes)", "Größe (Bytes)"), "number"),
                new Block.Column("uploadedAt", request.text("Uploaded", "Hochgeladen"), "date"),
                new Block.Column("uploadedBy", request.text("By", "Von"), "text"));
        List<List<Object>> rows = new ArrayList<>();
        for (FileInfo f : page.items()) {
            List<Object> row = new ArrayList<>();
            row.add(new Block.Link(f.name(), "/api/files/" + f.id()));
            row.add(f.contentType());
            row.add(f.size());
            row.add(f.uploadedAt().atZone(ZoneOffset.UTC).toLocalDate());
            row.add(f.uploadedBy());
            rows.add(row);
        }
        blocks.add(new Block.Table(request.text("Files", "Dateien"), columns, rows, page.total()));
        return new TabContent(blocks);
    }
}
