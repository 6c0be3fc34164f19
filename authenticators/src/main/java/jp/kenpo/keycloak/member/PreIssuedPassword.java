package jp.kenpo.keycloak.member;

import java.util.Optional;

import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * How the letter's temporary password (仮パスワード of a pre-issued account) is stored. It is ten random
 * characters (about 58 bits), not a human choice, so a slow hash adds nothing to it, while the realm's
 * (Argon2, about 0.1 s of CPU each) would make a union's import take hours. It is stored with Keycloak's
 * own PBKDF2-SHA512 at a work factor that still leaves guessing one from a stolen database at hundreds of
 * GPU-years (2^57 guesses on average), and Keycloak re-hashes it with the realm's policy at the member's
 * first successful login.
 */
public final class PreIssuedPassword {

    public static final String HASH = "pbkdf2-sha512";
    public static final int ITERATIONS = 100;

    private PreIssuedPassword() {
    }

    /**
     * True when the account's password is still stored the cheap way above: checking it costs far less
     * than the realm's hash, which is what a wrong login ID costs (Keycloak's dummy hash).
     */
    public static boolean isStoredCheaply(UserModel user) {
        Optional<PasswordCredentialModel> password = user.credentialManager()
                .getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE)
                .map(PasswordCredentialModel::createFromCredentialModel)
                .findFirst();
        return password.map(p -> HASH.equals(p.getPasswordCredentialData().getAlgorithm())
                && p.getPasswordCredentialData().getHashIterations() == ITERATIONS).orElse(false);
    }
}
