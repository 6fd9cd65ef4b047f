package dev.tandem.server.sync.reconcile;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Database work run on one background thread, in the order it was handed over, so that recording one Bulk job's
 * results overlaps the next job's network time. After a failure the rest is skipped, and {@link #await} rethrows it.
 */
final class OrderedWrites implements AutoCloseable {

    private final ExecutorService executor;
    private final Queue<Future<?>> submitted = new ConcurrentLinkedQueue<>();
    private volatile RuntimeException failure;

    OrderedWrites(String threadName) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Queues {@code work} after everything submitted before it (from any thread). */
    void submit(Runnable work) {
        submitted.add(executor.submit(() -> {
            if (failure != null) {
                return;
            }
            try {
                work.run();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }));
    }

    /** True once some work has failed (what follows it is skipped). */
    boolean failed() {
        return failure != null;
    }

    /** Waits until everything submitted has run; rethrows the first failure. */
    void await() {
        try {
            for (Future<?> f = submitted.poll(); f != null; f = submitted.poll()) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for database writes", e);
        } catch (ExecutionException e) {
            // The failure itself is rethrown below, whichever task reported it.
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        executor.shutdown();
    }
}
