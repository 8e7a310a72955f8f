package dev.prec.report;

import dev.prec.plot.ImageFormat;
import java.util.List;

/** One piece of a section's content. */
public sealed interface Block permits Block.Heading, Block.Text, Block.Warning, Block.Code, Block.Table, Block.Figure {

    /**
     * A sub-heading inside a section (one per run table, fit or optimum).
     *
     * @param text the heading; non-blank
     */
    record Heading(String text) implements Block {
        public Heading {
            if (text == null || text.isBlank()) {
                throw new IllegalArgumentException("a heading needs text");
            }
        }
    }

    /**
     * A paragraph of plain text.
     *
     * @param text the paragraph; never interpreted as markup
     */
    record Text(String text) implements Block {
        public Text {
            if (text == null) {
                throw new IllegalArgumentException("text is required");
            }
        }
    }

    /**
     * A warning a reader must not miss (a parameter on its bound, a fit that did not converge).
     *
     * @param text the warning
     */
    record Warning(String text) implements Block {
        public Warning {
            if (text == null) {
                throw new IllegalArgumentException("text is required");
            }
        }
    }

    /**
     * Preformatted text shown as is (a plan, a script, printed output).
     *
     * @param text the lines, newline-separated
     */
    record Code(String text) implements Block {
        public Code {
            if (text == null) {
                throw new IllegalArgumentException("text is required");
            }
        }
    }

    /**
     * A table of text cells.
     *
     * @param header column names, at least one
     * @param rows each row has exactly {@code header.size()} cells
     */
    record Table(List<String> header, List<List<String>> rows) implements Block {
        public Table {
            if (header == null || header.isEmpty() || rows == null) {
                throw new IllegalArgumentException("a table needs a header and rows");
            }
            header = List.copyOf(header);
            rows = rows.stream().map(List::copyOf).toList();
            for (List<String> row : rows) {
                if (row.size() != header.size()) {
                    throw new IllegalArgumentException("a table row has " + row.size() + " cells, the header "
                            + header.size());
                }
            }
        }
    }

    /**
     * An image embedded in the page.
     *
     * @param caption what the figure shows (its file name, its title); non-blank
     * @param format how {@code bytes} are encoded
     * @param bytes the encoded image, not empty
     */
    record Figure(String caption, ImageFormat format, byte[] bytes) implements Block {
        public Figure {
            if (caption == null || caption.isBlank() || format == null || bytes == null || bytes.length == 0) {
                throw new IllegalArgumentException("a figure needs a caption, a format and image bytes");
            }
            bytes = bytes.clone();
        }

        @Override
        public byte[] bytes() {
            return bytes.clone();
        }
    }
}
