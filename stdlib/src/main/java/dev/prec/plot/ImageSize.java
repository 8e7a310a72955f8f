package dev.prec.plot;

/**
 * The size of a written image.
 *
 * @param width pixels (SVG: user units), in [100, 8000]
 * @param height pixels, in [100, 8000]
 */
public record ImageSize(int width, int height) {
    /** Width and height allowed, inclusive: below 100 nothing is legible, above 8000 a PNG is hundreds of MB. */
    public static final int MIN = 100;
    public static final int MAX = 8000;

    /** The default, a 4:3 figure that reads on a screen and in a report. */
    public static final ImageSize DEFAULT = new ImageSize(800, 600);

    public ImageSize {
        if (width < MIN || width > MAX || height < MIN || height > MAX) {
            throw new IllegalArgumentException("image size must be in [" + MIN + ", " + MAX + "] per side, got "
                    + width + "x" + height);
        }
    }
}
