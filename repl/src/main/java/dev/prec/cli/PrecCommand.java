package dev.prec.cli;
public final class PrecCommand { public static void main(String[] a) { System.out.println("prec " + dev.prec.tensor.VectorProbe.lanes()); } }
