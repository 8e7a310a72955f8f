package dev.prec.plot;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats a chart is written in, picked by the file's extension. */
public enum ImageFormat {
    /** A raster image. */
    PNG,
    /** A vector image (XML). */
    SVG;

    /**
     * @param file the target file
     * @return the format its extension names ({@code .png} or {@code .svg}, any case)
     * @throws IllegalArgumentException if the extension is neither
     */
    public static ImageFormat of(Path file) {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".png")) {
            return PNG;
        }
        if (name.endsWith(".svg")) {
            return SVG;
        }
        throw new IllegalArgumentException("cannot tell the image format of '" + file
                + "': use a .png or .svg file name");
    }
}
