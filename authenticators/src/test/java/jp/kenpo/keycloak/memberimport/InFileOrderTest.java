package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class InFileOrderTest {

    @Test
    void laterBatchesWaitForEarlierOnes() {
        List<Integer> handedOn = new ArrayList<>();
        InFileOrder<Integer> order = new InFileOrder<>(handedOn::add);
        order.finished(2, 2);
        order.finished(1, 1);
        assertEquals(List.of(), handedOn, "batch 0 has not finished yet");
        order.finished(0, 0);
        assertEquals(List.of(0, 1, 2), handedOn);
        order.finished(3, 3);
        assertEquals(List.of(0, 1, 2, 3), handedOn);
    }

    @Test
    void batchesFinishingOnManyThreadsAreHandedOnInFileOrder() throws Exception {
        int batches = 2_000;
        List<Integer> handedOn = new ArrayList<>();
        InFileOrder<Integer> order = new InFileOrder<>(handedOn::add);
        List<Integer> shuffled = new ArrayList<>(IntStream.range(0, batches).boxed().toList());
        Collections.shuffle(shuffled);
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int index : shuffled) {
                done.add(threads.submit(() -> order.finished(index, index)));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertEquals(IntStream.range(0, batches).boxed().toList(), handedOn);
    }

    @Test
    void afterAFailureTheCommittedBatchesStillWaitingAreHandedOn() {
        List<String> handedOn = new ArrayList<>();
        InFileOrder<String> order = new InFileOrder<>(handedOn::add);
        order.finished(0, "a");
        // Batch 1 failed: batches 2 and 4 committed and waited for it, batch 3 never ran.
        order.finished(4, "e");
        order.finished(2, "c");
        assertEquals(List.of("a"), handedOn);
        order.handOnAfterFailure();
        assertEquals(List.of("a", "c", "e"), handedOn);
    }
}
