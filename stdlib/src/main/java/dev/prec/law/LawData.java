package dev.prec.law;

import java.util.Arrays;

/**
 * A compiled law bound to one data set: the variable columns and every data-only node, computed
 * once. Immutable after {@link #bind}; share it between the threads of a fit, each with its own
 * {@link ColumnEvaluator}.
 *
 * <p>Level factoring: a variable with few distinct values (a precision in bits takes a handful)
 * is <em>leveled</em>; every node that depends on data only through that one variable (e.g.
 * {@code f_w(P_w) = 1 - exp(-P_w / gamma_w + n_w)}) is then computed once per distinct value
 * instead of once per row, and gathered to rows where a row-wide node reads it. On the full N_eff
 * law this removes three of the five exponentials per row.
 */
public final class LawData {
    /** A variable is leveled when it has at most this many distinct values... */
    static final int MAX_LEVELS = 64;
    /** ...and at most this share of the row count. */
    static final int ROWS_PER_LEVEL = 4;
    /** {@link #levelVar} of nodes that depend on no data. */
    static final int NONE = -1;
    /** {@link #levelVar} of nodes computed per row. */
    static final int ROW = -2;

    final CompiledLaw program;
    final int rows;
    /** Row column of each VAR or DATA node, indexed by node id; null for other kinds. */
    final double[][] columns;
    /** For each node: the VAR node id it is leveled by, or {@link #NONE} or {@link #ROW}. */
    final int[] levelVar;
    /** Level values of leveled VAR and DATA nodes (indexed by node id); null otherwise. */
    final double[][] levelColumns;
    /** For a leveled VAR node id: the level index of each row. */
    final int[][] levelIndex;

    private LawData(CompiledLaw program, double[][] columns, int rows) {
        this.program = program;
        this.rows = rows;
        this.columns = columns;
        int nodes = program.kind.length;
        this.levelVar = new int[nodes];
        this.levelColumns = new double[nodes][];
        this.levelIndex = new int[nodes][];
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
        LawData data = new LawData(p, new double[p.kind.length][], rows);
        for (int id = 0; id < p.kind.length; id++) {
            switch (p.kind[id]) {
                case VAR -> {
                    data.columns[id] = variables[p.leafIndex[id]];
                    data.level(id);
                }
                case DATA -> {
                    data.columns[id] = new double[rows];
                    ColumnEvaluator.computeNode(p, id, data.columns[id], data.columns, null, rows);
                    data.levelVar[id] = data.merge(id);
                    if (data.levelVar[id] >= 0) {
                        int width = data.levelColumns[data.levelVar[id]].length;
                        data.levelColumns[id] = new double[width];
                        ColumnEvaluator.computeNode(p, id, data.levelColumns[id], data.levelColumns, null, width);
                    }
                }
                case MIXED -> data.levelVar[id] = data.merge(id);
                default -> data.levelVar[id] = NONE;
            }
        }
        data.checkDataConditions();
        return data;
    }

    /** Levels a VAR node when it has few distinct values. */
    private void level(int id) {
        double[] c = columns[id];
        double[] distinct = Arrays.stream(c).distinct().sorted().toArray();
        if (distinct.length > MAX_LEVELS || distinct.length * ROWS_PER_LEVEL > rows) {
            levelVar[id] = ROW;
            return;
        }
        int[] index = new int[rows];
        for (int i = 0; i < rows; i++) {
            index[i] = Arrays.binarySearch(distinct, c[i]);
        }
        levelVar[id] = id;
        levelColumns[id] = distinct;
        levelIndex[id] = index;
    }

    /** A node is leveled when all its data children are leveled by the same variable. */
    private int merge(int id) {
        int a = levelVar[program.left[id]];
        int b = program.right[id] < 0 ? NONE : levelVar[program.right[id]];
        if (a == ROW || b == ROW) {
            return ROW;
        }
        if (a == NONE) {
            return b;
        }
        return b == NONE || b == a ? a : ROW;
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
