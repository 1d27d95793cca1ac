package org.civicdesk.persistence;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.Test;

/** Answers kept while the data's stamp stays, each worked out once however many ask for it at once. */
public class StampedCacheTest {

    @Test
    public void tenCallersAskingAtOnceGetOneAnswerWorkedOutOnce() throws Exception {
        AtomicLong stamp = new AtomicLong(1);
        StampedCache<String> cache = new StampedCache<>(stamp::get, 60_000);
        AtomicInteger rendered = new AtomicInteger();
        CountDownLatch allAsking = new CountDownLatch(10);
        ExecutorService callers = Executors.newFixedThreadPool(10);
        try {
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                answers.add(callers.submit(() -> {
                    allAsking.countDown();
                    allAsking.await();
                    return cache.get("backlog", () -> {
                        sleep(300); // long enough for the others to ask meanwhile
                        return "answer " + rendered.incrementAndGet();
                    });
                }));
            }
            for (Future<String> answer : answers) {
                assertEquals("answer 1", answer.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, rendered.get());
            assertEquals("kept while the stamp stays", "answer 1", cache.get("backlog", () -> "again"));
            stamp.set(2);
            assertEquals("worked out anew once it moved", "again", cache.get("backlog", () -> "again"));
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    public void aFailureReachesTheCallerAndIsNotKept() {
        StampedCache<String> cache = new StampedCache<>(() -> 1, 60_000);
        assertThrows(IllegalArgumentException.class, () -> cache.get("list", () -> {
            throw new IllegalArgumentException("the database said no");
        }));
        assertEquals("answer", cache.get("list", () -> "answer"));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
