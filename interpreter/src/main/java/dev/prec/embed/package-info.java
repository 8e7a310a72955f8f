/**
 * Calling prec from a Java program: {@link dev.prec.embed.Prec#engine()} gives a {@link
 * dev.prec.embed.PrecEngine} that evaluates scripts (strings or files) through the same pipeline as
 * the {@code prec} command, takes variables in and hands values out as plain Java types, reports
 * progress and can be cancelled from another thread. {@link dev.prec.embed.PrecScriptEngineFactory}
 * exposes the same engine through JSR-223 ({@code javax.script}) under the name {@code prec}.
 * Guide: {@code docs/embedding.md}.
 */
package dev.prec.embed;
