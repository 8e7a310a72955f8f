package dev.prec.report;

import java.util.List;

/**
 * A report page.
 *
 * @param title the page's heading and window title; non-blank
 * @param subtitle a line under the title (what produced the page, when), may be empty
 * @param sections the sections in reading order, ids unique
 */
public record Page(String title, String subtitle, List<Section> sections) {
    public Page {
        if (title == null || title.isBlank() || subtitle == null || sections == null) {
            throw new IllegalArgumentException("a page needs a title, a subtitle (may be empty) and sections");
        }
        sections = List.copyOf(sections);
        java.util.Set<String> ids = new java.util.HashSet<>();
        for (Section s : sections) {
            if (!ids.add(s.id())) {
                throw new IllegalArgumentException("two sections have the id '" + s.id() + "'");
            }
        }
    }
}
