package dev.prec.law;

/**
 * A compiled law bound to one data set: the variable columns and every data-only node, computed
 * once. Immutable after {@link #bind}; share it between the threads of a fit, each with its own
 * {@link ColumnEvaluator}.
 */
public final class LawData {
    final CompiledLaw program;
    final int rows;
    /** Column of each VAR or DATA node, indexed by node id; null for other kinds. */
    final double[][] columns;

    private LawData(CompiledLaw program, int rows, double[][] columns) {
        this.program = program;
        this.rows = rows;
        this.columns = columns;
    }

    static LawData bind(CompiledLaw p, double[][] variables) {
        int vars = p.law.variables().size();
        if (variables.length != vars) {
            throw new IllegalArgumentException("law " + p.law.name() + " needs " + vars + " columns "
                    + p.law.variables() + ", got " + variables.length);
        }
        int rows = vars == 0 ? 1 : variables[0].length;
        for (double[] c : variables) {
            if (c.length != rows) {
                throw new IllegalArgumentException("columns differ in length: " + c.length + " vs " + rows);
            }
        }
        if (rows < 1) {
            throw new IllegalArgumentException("no rows to bind");
        }
        double[][] cols = new double[p.kind.length][];
        for (int id = 0; id < p.kind.length; id++) {
            if (p.kind[id] == CompiledLaw.Kind.VAR) {
                cols[id] = variables[p.leafIndex[id]];
            } else if (p.kind[id] == CompiledLaw.Kind.DATA) {
                cols[id] = new double[rows];
                ColumnEvaluator.computeNode(p, id, cols[id], cols, null, rows);
            }
        }
        LawData data = new LawData(p, rows, cols);
        data.checkDataConditions();
        return data;
    }

    private void checkDataConditions() {
        for (int c = 0; c < program.conditionRoots.length; c++) {
            int id = program.conditionRoots[c];
            if (program.kind[id] != CompiledLaw.Kind.DATA) {
                continue;
            }
            for (int i = 0; i < rows; i++) {
                if (!(columns[id][i] > 0)) {
                    throw new OutsideDomainException(i, program.law.conditions().get(c).reason());
                }
            }
        }
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** The compiled law. */
    public CompiledLaw program() {
        return program;
    }

    /** A new evaluator (workspace) over this data; one per thread. */
    public ColumnEvaluator evaluator() {
        return new ColumnEvaluator(this);
    }
}
