package org.clientele.rest.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A context class loader that sees the classes and {@code META-INF/services} files of every
 * Jersey bundle in use. Jersey falls back to the context class loader for its service
 * lookups whenever its OSGi registry is not at hand, and it caches what it finds for good
 * (STACK.md pitfall 10): with this loader set, those lookups find jersey-server's providers
 * whatever the timing.
 */
final class BundlesClassLoader extends ClassLoader {
    private final List<ClassLoader> loaders;

    BundlesClassLoader(Class<?>... anchors) {
        super(null);
        Set<ClassLoader> set = new LinkedHashSet<>();
        for (Class<?> c : anchors) {
            set.add(c.getClassLoader());
        }
        this.loaders = List.copyOf(set);
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        for (ClassLoader l : loaders) {
            try {
                return l.loadClass(name);
            } catch (ClassNotFoundException e) {
                // try the next bundle
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (ClassLoader l : loaders) {
            URL u = l.getResource(name);
            if (u != null) {
                return u;
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) throws IOException {
        Set<URL> urls = new LinkedHashSet<>();
        for (ClassLoader l : loaders) {
            urls.addAll(Collections.list(l.getResources(name)));
        }
        return Collections.enumeration(new ArrayList<>(urls));
    }

    /** Runs {@code work} with this loader as the thread's context class loader. */
    <E extends Exception> void run(ThrowingRunnable<E> work) throws E {
        call(() -> {
            work.run();
            return null;
        });
    }

    /** Computes {@code work} with this loader as the thread's context class loader. */
    <T, E extends Exception> T call(ThrowingSupplier<T, E> work) throws E {
        Thread t = Thread.currentThread();
        ClassLoader previous = t.getContextClassLoader();
        t.setContextClassLoader(this);
        try {
            return work.get();
        } finally {
            t.setContextClassLoader(previous);
        }
    }

    @FunctionalInterface
    interface ThrowingRunnable<E extends Exception> {
        void run() throws E;
    }

    @FunctionalInterface
    interface ThrowingSupplier<T, E extends Exception> {
        T get() throws E;
    }
}
