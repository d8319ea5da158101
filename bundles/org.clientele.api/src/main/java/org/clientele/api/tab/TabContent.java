package org.clientele.api.tab;

import java.util.List;

/**
 * A tab's content: blocks shown one below the other.
 *
 * @param blocks the blocks, never null
 */
public record TabContent(List<Block> blocks) {
    public TabContent {
        blocks = blocks == null ? List.of() : List.copyOf(blocks);
    }

    public static TabContent of(Block... blocks) {
        return new TabContent(List.of(blocks));
    }
}
