package dev.prec.plot;

/** How a series is drawn. */
public enum Mark {
    /** Markers only, unjoined: observations. */
    POINTS,
    /** A solid line without markers: a fitted curve. */
    LINE,
    /** A dashed line without markers: an interval's edge or a reference line. */
    DASHED,
    /** A solid line with markers: a computed frontier at its sample points. */
    LINE_AND_POINTS
}
