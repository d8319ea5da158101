package org.clientele.api.tab;

import java.util.List;

/**
 * A rendered tab as channels show it.
 *
 * @param id     the tab's id
 * @param title  its title in the reader's language
 * @param blocks its content
 */
public record TabView(String id, String title, List<Block> blocks) {
    public TabView {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }
}
