package dev.prec.report;

import java.util.List;

/**
 * A headed part of a page.
 *
 * @param id the anchor the page's contents link to: letters, digits and '-', starting with a letter,
 *     unique within a page
 * @param heading the section's heading; non-blank
 * @param blocks the content in reading order; an empty section shows {@code empty} instead
 * @param empty what an empty section says, e.g. "No fits in this run."
 */
public record Section(String id, String heading, List<Block> blocks, String empty) {
    public Section {
        if (id == null || !id.matches("[A-Za-z][A-Za-z0-9-]*") || heading == null || heading.isBlank()
                || blocks == null || empty == null) {
            throw new IllegalArgumentException("a section needs an id ([A-Za-z][A-Za-z0-9-]*), a heading, blocks"
                    + " and an empty text, got id '" + id + "'");
        }
        blocks = List.copyOf(blocks);
    }
}
