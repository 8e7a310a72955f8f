package dev.prec.lang.bind.quantize;

import dev.prec.lang.value.RecordValue;
import dev.prec.lang.value.StringValue;
import dev.prec.store.PtqResult;
import dev.prec.store.RunRecord;
import dev.prec.store.RunSpec;
import dev.prec.store.RunStatus;
import dev.prec.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The PTQ results kept in the run store of the trained runs: finds a row's parent run, hands back a
 * complete stored result for a (run, spec), and keeps new ones. Without a store (none given, or no
 * file there yet) nothing is found and nothing kept.
 */
final class StoredResults implements AutoCloseable {

    /** The open store, or null. */
    private final RunStore store;

    private StoredResults(RunStore store) {
        this.store = store;
    }

    /**
     * @param file the run store file; a missing file is not created (there are no runs in it to attach to)
     * @return the results of that store
     * @throws dev.prec.store.StoreException if the file is not a readable run store
     */
    static StoredResults open(Optional<Path> file) {
        return new StoredResults(file.filter(Files::isRegularFile).map(RunStore::open).orElse(null));
    }

    /**
     * The full key of the finished run a table row came from: the one run whose key starts with the
     * row's {@code key} column (the short key the train action writes).
     */
    Optional<String> parentOf(RecordValue fields) {
        if (store == null || !(fields.get("key").orElse(null) instanceof StringValue key) || key.value().isEmpty()) {
            return Optional.empty();
        }
        List<RunRecord> found = store.findByPrefix(key.value());
        return found.size() == 1 && found.getFirst().status() == RunStatus.DONE
                ? Optional.of(found.getFirst().key()) : Optional.empty();
    }

    /**
     * A stored result to reuse: complete (stored with its pre-quantization loss, so not a row of an
     * older prec that kept only the post loss) and with its quantized checkpoint still on disk.
     */
    Optional<PtqResult> reusable(String parentKey, RunSpec spec) {
        return store.ptqResult(parentKey, spec)
                .filter(r -> !Double.isNaN(r.losses().before()))
                .filter(r -> r.checkpoint().map(c -> Files.isRegularFile(Path.of(c))).orElse(false));
    }

    /** Keeps a result under its parent run, replacing an older one of the same spec. */
    void keep(PtqResult result) {
        store.putPtq(result);
    }

    @Override
    public void close() {
        if (store != null) {
            store.close();
        }
    }
}
