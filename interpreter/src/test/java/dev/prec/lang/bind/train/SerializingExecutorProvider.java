package dev.prec.lang.bind.train;

import dev.prec.store.RunStore;
import dev.prec.sweep.LocalExecutor;
import dev.prec.sweep.LocalOptions;
import dev.prec.sweep.RunTask;
import dev.prec.sweep.SweepExecutor;
import dev.prec.sweep.SweepExecutorProvider;
import dev.prec.sweep.SweepListener;
import dev.prec.sweep.SweepReport;
import dev.prec.sweep.SweepRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test executor, {@code serializing}: sends the sweep's task through Java serialization, as a
 * cluster executor does, and trains with the copy in this JVM. What a script's sweep needs to
 * travel is then tested without a cluster.
 */
public final class SerializingExecutorProvider implements SweepExecutorProvider {

    /** Tasks that made the round trip. */
    static final AtomicInteger SHIPPED = new AtomicInteger();

    @Override
    public String name() {
        return "serializing";
    }

    @Override
    public SweepExecutor create(RunStore store, Map<String, String> settings) {
        LocalExecutor local = new LocalExecutor(store, LocalOptions.defaults().withShutdownHandling(false));
        return new SweepExecutor() {
            @Override
            public SweepReport execute(SweepRequest request, SweepListener listener) {
                RunTask copy = roundTrip(request.task());
                SHIPPED.incrementAndGet();
                return local.execute(new SweepRequest(request.runs(), copy, request.retryFailed()), listener);
            }

            @Override
            public void cancel() {
                local.cancel();
            }
        };
    }

    private static RunTask roundTrip(RunTask task) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(task);
        } catch (IOException e) {
            throw new UncheckedIOException("the task does not serialize", e);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (RunTask) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }
}
