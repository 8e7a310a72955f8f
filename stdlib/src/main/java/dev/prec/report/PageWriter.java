package dev.prec.report;

import dev.prec.plot.ImageFormat;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

/**
 * Writes a {@link Page} as one self-contained XHTML file: well-formed XML (any XML parser reads it),
 * styles in the page, figures as base64 {@code data:} URIs, no script and no link to anything outside
 * the file. All text is escaped, so names and messages from a script never become markup.
 */
public final class PageWriter {
    /** The page's look: readable tables, figures scaled to the window. */
    private static final String STYLE = """
            body { font-family: sans-serif; margin: 2em auto; max-width: 72em; padding: 0 1em; color: #222; }
            h1 { margin-bottom: 0.2em; } .subtitle { color: #666; margin-top: 0; }
            h2 { border-bottom: 1px solid #ccc; padding-bottom: 0.2em; margin-top: 2em; }
            nav ul { list-style: none; padding: 0; } nav li { display: inline; margin-right: 1.2em; }
            table { border-collapse: collapse; margin: 0.5em 0 1.5em; font-size: 0.9em; }
            th, td { border: 1px solid #ccc; padding: 0.2em 0.6em; text-align: right; }
            th { background: #f2f2f2; } td:first-child, th:first-child { text-align: left; }
            .table { overflow-x: auto; }
            pre { background: #f7f7f7; padding: 0.8em; overflow-x: auto; }
            .warning { background: #fff4e0; border-left: 4px solid #e69500; padding: 0.4em 0.8em; }
            figure { margin: 1em 0 2em; } figure img { max-width: 100%; height: auto; border: 1px solid #eee; }
            figcaption { color: #555; font-size: 0.9em; }
            .empty { color: #888; font-style: italic; }
            """;

    private PageWriter() {
    }

    /**
     * Writes {@code page} to {@code file} in UTF-8, creating parent directories.
     *
     * @return {@code file}
     * @throws UncheckedIOException if the file cannot be written
     */
    public static Path write(Page page, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, xhtml(page), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write report " + file, e);
        }
        return file;
    }

    /** The page as XHTML text. */
    public static String xhtml(Page page) {
        StringBuilder b = new StringBuilder(1 << 16);
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n")
                .append("<meta charset=\"UTF-8\"/>\n<title>").append(escape(page.title())).append("</title>\n")
                .append("<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n<h1>")
                .append(escape(page.title())).append("</h1>\n");
        if (!page.subtitle().isEmpty()) {
            b.append("<p class=\"subtitle\">").append(escape(page.subtitle())).append("</p>\n");
        }
        b.append("<nav><ul>\n");
        for (Section s : page.sections()) {
            b.append("<li><a href=\"#").append(s.id()).append("\">").append(escape(s.heading())).append("</a></li>\n");
        }
        b.append("</ul></nav>\n");
        for (Section s : page.sections()) {
            section(b, s);
        }
        return b.append("</body>\n</html>\n").toString();
    }

    private static void section(StringBuilder b, Section s) {
        b.append("<section id=\"").append(s.id()).append("\">\n<h2>").append(escape(s.heading())).append("</h2>\n");
        if (s.blocks().isEmpty()) {
            b.append("<p class=\"empty\">").append(escape(s.empty())).append("</p>\n");
        }
        for (Block block : s.blocks()) {
            switch (block) {
                case Block.Heading h -> b.append("<h3>").append(escape(h.text())).append("</h3>\n");
                case Block.Text t -> b.append("<p>").append(escape(t.text())).append("</p>\n");
                case Block.Warning w -> b.append("<p class=\"warning\">").append(escape(w.text())).append("</p>\n");
                case Block.Code c -> b.append("<pre>").append(escape(c.text())).append("</pre>\n");
                case Block.Table t -> table(b, t);
                case Block.Figure f -> figure(b, f);
            }
        }
        b.append("</section>\n");
    }

    private static void table(StringBuilder b, Block.Table t) {
        b.append("<div class=\"table\"><table>\n<thead><tr>");
        t.header().forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
        b.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : t.rows()) {
            b.append("<tr>");
            row.forEach(cell -> b.append("<td>").append(escape(cell)).append("</td>"));
            b.append("</tr>\n");
        }
        b.append("</tbody>\n</table></div>\n");
    }

    private static void figure(StringBuilder b, Block.Figure f) {
        String mime = f.format() == ImageFormat.PNG ? "image/png" : "image/svg+xml";
        b.append("<figure><img src=\"data:").append(mime).append(";base64,")
                .append(Base64.getEncoder().encodeToString(f.bytes())).append("\" alt=\"").append(escape(f.caption()))
                .append("\"/><figcaption>").append(escape(f.caption())).append("</figcaption></figure>\n");
    }

    /**
     * Text as XML character data or attribute value: markup characters escaped, and characters XML 1.0
     * forbids (control characters other than tab, newline, return) replaced by U+FFFD.
     */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF
                        ? '\uFFFD' : c);
            }
        }
        return b.toString();
    }
}
