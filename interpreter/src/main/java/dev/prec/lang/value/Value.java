package dev.prec.lang.value;

/**
 * A runtime value of the .prec language. All implementations are immutable records, safe to share
 * across the threads of a sweep.
 */
public sealed interface Value permits NumberValue, StringValue, BoolValue, ListValue, RecordValue,
        RangeValue, FormatValue, GranularityValue, RoundingValue, QuantValue, PrecisionValue, ModelValue,
        DataValue, SpecValue, SweepValue, RunTable, LawValue, FitResult, OptimumValue, PlotFile,
        FunctionValue, NothingValue {

    /** The static type the checker assigns to values like this one. */
    Type type();

    /** The value as {@code print} shows it. */
    default String show() {
        return ValueText.show(this);
    }
}
