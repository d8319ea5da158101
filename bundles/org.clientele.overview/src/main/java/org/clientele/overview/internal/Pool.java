package org.clientele.overview.internal;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A bounded pool for calling whiteboard services: a fixed number of daemon threads (idle
 * ones end after a minute) and a bounded queue; when both are full a call is refused
 * instead of piling up behind services that hang.
 */
final class Pool implements AutoCloseable {
    static final int QUEUE_PER_THREAD = 32;
    /** More threads than this are not created, whatever the configuration says. */
    static final int MAX_THREADS = 64;

    private final ThreadPoolExecutor executor;
    private final int threads;

    /**
     * @param name    thread name prefix, e.g. {@code clientele-overview}
     * @param threads number of threads, at least 1
     */
    Pool(String name, int threads) {
        this.threads = Math.max(1, threads);
        this.executor = new ThreadPoolExecutor(this.threads, this.threads, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(this.threads * QUEUE_PER_THREAD), factory(name));
        this.executor.allowCoreThreadTimeOut(true);
    }

    int threads() {
        return threads;
    }

    /** Runs the call on the pool; {@link RejectedExecutionException} when the pool is full or closed. */
    <V> Future<V> submit(Callable<V> call) {
        return executor.submit(call);
    }

    /** Stops taking calls; calls already taken run to their end (used when the configuration changes). */
    void retire() {
        executor.shutdown();
    }

    /** Stops taking calls and interrupts the running ones. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    private static ThreadFactory factory(String name) {
        AtomicInteger count = new AtomicInteger();
        // threads start from whichever thread submits first (e.g. an HTTP request with the web
        // layer's context class loader): give them this bundle's loader instead
        ClassLoader loader = Pool.class.getClassLoader();
        return r -> {
            Thread t = new Thread(r, name + "-" + count.incrementAndGet());
            t.setDaemon(true);
            t.setContextClassLoader(loader);
            return t;
        };
    }
}
