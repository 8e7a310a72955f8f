package dev.prec.lang.engine;

import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.Value;
import java.nio.file.Path;
import java.util.List;

/** Writes one page of everything a script run produced ({@code report to "study.html"}). */
public interface ReportEngine {

    /**
     * A product of the run, in the order it was made.
     *
     * @param label how the page names it: the names bound to it and the source of the action that made it,
     *     e.g. {@code runs = train grid on lang}
     * @param value a run table, fit result, law, optimum or plot file
     */
    record Product(String label, Value value) {
        public Product {
            if (label == null || label.isBlank() || value == null) {
                throw new IllegalArgumentException("a product needs a label and a value");
            }
        }
    }

    /**
     * A report request.
     *
     * @param title the page's title
     * @param script the script's name (its file) and canonical source text, for the record
     * @param plan the script's plan as {@code prec check} prints it, computed before its first statement ran
     * @param products what the run produced, in order
     * @param output the lines {@code print} showed, in order
     * @param file where to write
     * @param options the {@code with { ... }} record
     */
    record Request(String title, Script script, String plan, List<Product> products, List<String> output, Path file,
                   RecordValue options) {
        public Request {
            if (title == null || script == null || plan == null || products == null || output == null || file == null
                    || options == null) {
                throw new IllegalArgumentException("every part of a report request is required");
            }
            products = List.copyOf(products);
            output = List.copyOf(output);
        }
    }

    /**
     * The script a report is of.
     *
     * @param name its file name as the run saw it
     * @param source its statements, printed canonically
     */
    record Script(String name, String source) {
        public Script {
            if (name == null || source == null) {
                throw new IllegalArgumentException("name and source are required");
            }
        }
    }

    /**
     * @return the written file
     * @throws IllegalArgumentException when an option is wrong
     */
    Path report(Request request, ActionContext context);
}
