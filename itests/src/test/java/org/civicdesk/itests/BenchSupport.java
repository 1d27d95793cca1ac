package org.civicdesk.itests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** How the benchmarks time calls and print their figures: warm-up, then a pool of clients, then p50/p99/max. */
final class BenchSupport {
    private BenchSupport() {
    }

    /** One call of a benchmark; {@code i} numbers it (negative in the warm-up). */
    interface Call {
        void run(int i) throws Exception;
    }

    /** The sorted durations in nanoseconds of {@code calls} calls made by {@code threads} clients, after a warm-up. */
    static List<Long> measure(Call call, int warmUp, int calls, int threads) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.run(-1 - i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Long>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                int n = i;
                futures.add(pool.submit(() -> {
                    long start = System.nanoTime();
                    call.run(n);
                    return System.nanoTime() - start;
                }));
            }
            List<Long> times = new ArrayList<>();
            for (Future<Long> f : futures) {
                times.add(f.get());
            }
            Collections.sort(times);
            return times;
        } finally {
            pool.shutdownNow();
        }
    }

    static void report(String what, List<Long> sorted, int threads) {
        System.out.println(String.format(Locale.ROOT, "BENCH %-52s calls=%d threads=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms "
                + "max=%.1f ms", what, sorted.size(), threads, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                sorted.get(sorted.size() - 1) / 1e6));
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
