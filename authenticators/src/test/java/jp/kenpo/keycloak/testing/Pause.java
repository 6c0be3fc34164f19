package jp.kenpo.keycloak.testing;

/** Waits in tests: between polls, and where the server's clock must move on. */
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

    /** Waits longer than Keycloak's quick-login check between two wrong entries. */
    public static void pastQuickLoginCheck() {
        millis(QUICK_LOGIN_CHECK_MILLIS);
    }
}
