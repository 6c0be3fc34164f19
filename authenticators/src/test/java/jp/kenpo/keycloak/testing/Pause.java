package jp.kenpo.keycloak.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits in tests: for what the server does after it answered, and where its clock must move on. */
public final class Pause {

    /**
     * Keycloak's brute-force detector locks an account for a minute when two failures come less than
     * a second apart (quick-login check, realm default); a member types slower than that.
     */
    public static final long QUICK_LOGIN_CHECK_MILLIS = 1_100;

    private Pause() {
    }

    public static void millis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Asks {@code probe} every {@code every} until its answer passes {@code done} or {@code within} has
     * passed (for what the server does after answering: events, brute-force counts, mails); returns
     * the last answer, for the test to assert on.
     */
    public static <T> T until(Supplier<T> probe, Predicate<T> done, Duration within, Duration every) {
        long deadline = System.nanoTime() + within.toNanos();
        T answer = probe.get();
        while (!done.test(answer) && System.nanoTime() < deadline) {
            millis(every.toMillis());
            answer = probe.get();
        }
        return answer;
    }

    /** {@link #until(Supplier, Predicate, Duration, Duration)} for up to ten seconds, every 200 ms. */
    public static <T> T until(Supplier<T> probe, Predicate<T> done) {
        return until(probe, done, Duration.ofSeconds(10), Duration.ofMillis(200));
    }

    /**
     * Waits longer than Keycloak's quick-login check between two wrong entries. It also lets Keycloak record
     * the previous failure, which it does just after answering: until then its protector refuses the member's
     * next request as "temporarily disabled" (one request per member at a time). A test that must not wait a
     * second waits for the count instead ({@code AdminApi.awaitBruteForceFailures}).
     */
    public static void pastQuickLoginCheck() {
        millis(QUICK_LOGIN_CHECK_MILLIS);
    }
}
