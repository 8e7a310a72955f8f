package dev.prec.lang.engine;

import dev.prec.lang.value.PlotFile;
import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Value;
import java.nio.file.Path;
import java.util.Optional;

/** Draws values to image files ({@code plot fit against runs to "fit.png"}). */
public interface PlotEngine {

    /**
     * A plot request.
     *
     * @param subject what to draw (a law, fit result or run table)
     * @param against observed runs to draw beside it, when given
     * @param file where to write; the extension picks the format
     * @param options axes and styling
     */
    record Request(Value subject, Optional<Value> against, Path file, RecordValue options) {
        public Request {
            if (subject == null || against == null || file == null || options == null) {
                throw new IllegalArgumentException("subject, against, file and options are required");
            }
        }
    }

    /**
     * @return the written file
     * @throws IllegalArgumentException when the subject cannot be plotted
     */
    PlotFile plot(Request request, ActionContext context);
}
