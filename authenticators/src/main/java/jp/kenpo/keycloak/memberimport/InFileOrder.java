package jp.kenpo.keycloak.memberimport;

import java.util.function.Consumer;

/**
 * Hands on the results of an import's batches in file order, although the batches finish in any
 * order on several threads: the union's letters and progress then follow its list.
 */
final class InFileOrder<T> {

    private final Object[] finished;
    private final Consumer<T> handOn;
    private int next;

    InFileOrder(int batches, Consumer<T> handOn) {
        this.finished = new Object[batches];
        this.handOn = handOn;
    }

    /** Batch {@code index} has committed: hands on its result and any later ones that were waiting for it. */
    synchronized void finished(int index, T result) {
        finished[index] = result;
        while (next < finished.length && finished[next] != null) {
            T ready = take(next++);
            handOn.accept(ready);
        }
    }

    /**
     * A batch failed, so the batches after it wait for nothing more: hands on every committed result
     * still waiting, in file order (their members exist, so their letters must not be lost).
     */
    synchronized void handOnAfterFailure() {
        for (int i = next; i < finished.length; i++) {
            if (finished[i] != null) {
                handOn.accept(take(i));
            }
        }
        next = finished.length;
    }

    @SuppressWarnings("unchecked")
    private T take(int index) {
        T result = (T) finished[index];
        finished[index] = null;
        return result;
    }
}
