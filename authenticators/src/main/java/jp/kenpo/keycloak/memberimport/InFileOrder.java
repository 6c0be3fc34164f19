package jp.kenpo.keycloak.memberimport;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Hands on the results of an import's batches in file order, although the batches finish in any
 * order on several threads: the union's letters and progress then follow its list. Batches are numbered
 * from 0 as the file is read; only the results waiting for an earlier batch are held.
 */
final class InFileOrder<T> {

    private final Map<Integer, T> waiting = new HashMap<>();
    private final Consumer<T> handOn;
    private int next;

    InFileOrder(Consumer<T> handOn) {
        this.handOn = handOn;
    }

    /** Batch {@code index} has committed: hands on its result and any later ones that were waiting for it. */
    synchronized void finished(int index, T result) {
        waiting.put(index, result);
        T ready;
        while ((ready = waiting.remove(next)) != null) {
            next++;
            handOn.accept(ready);
        }
    }

    /**
     * A batch failed, so the batches after it wait for nothing more: hands on every committed result
     * still waiting, in file order (their members exist, so their letters must not be lost).
     */
    synchronized void handOnAfterFailure() {
        Map<Integer, T> inOrder = new TreeMap<>(waiting);
        waiting.clear();
        inOrder.values().forEach(handOn);
    }
}
