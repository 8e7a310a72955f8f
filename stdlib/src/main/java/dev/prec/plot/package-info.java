/**
 * Charts for scaling-law work as plain data ({@link dev.prec.plot.Chart} of {@link dev.prec.plot.Series}
 * on two {@link dev.prec.plot.Axis axes}) and their rendering to PNG or SVG files
 * ({@link dev.prec.plot.ChartWriter}, drawn with XChart). No language types: the interpreter's plot
 * binding maps laws, fits and run tables to charts.
 */
package dev.prec.plot;
