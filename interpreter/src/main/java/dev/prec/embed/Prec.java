package dev.prec.embed;

import dev.prec.lang.engine.Engines;

/** Entry point of the embedding API. */
public final class Prec {
    private Prec() {
    }

    /** A new engine with every engine (trainer, fitter, ...) registered on the class path. */
    public static PrecEngine engine() {
        return new PrecEngine(Engines.installed());
    }

    /** A new engine using exactly {@code engines}; {@link Engines#none()} for the language alone. */
    public static PrecEngine engine(Engines engines) {
        return new PrecEngine(engines);
    }

    /**
     * The version of prec, e.g. {@code 0.1.0-SNAPSHOT}, from {@code version.txt}, which the build
     * fills in from the project's version.
     */
    public static String version() {
        try (java.io.InputStream in = Prec.class.getResourceAsStream("version.txt")) {
            if (in == null) {
                return "unknown";
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).strip();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
