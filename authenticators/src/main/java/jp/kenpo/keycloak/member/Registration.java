package jp.kenpo.keycloak.member;

import java.util.Locale;

import org.keycloak.models.UserModel;

/**
 * Where an account stands in the union's registration: pre-issued accounts start "not yet
 * registered" and become "registered" when the member completes 利用者情報入力. The marker and the
 * time are user attributes ({@link MemberAttributes#REGISTRATION}, {@link MemberAttributes#REGISTERED_AT}).
 */
public final class Registration {

    public static final String PENDING = "pending";
    public static final String REGISTERED = "registered";
    /** ご本人, as the union's manual says: new members' nickname until they choose one (the letter prints it). */
    public static final String DEFAULT_NICKNAME = "ご本人";

    private Registration() {
    }

    public static boolean isPending(UserModel user) {
        return user != null && PENDING.equals(user.getFirstAttribute(MemberAttributes.REGISTRATION));
    }

    public static boolean isRegistered(UserModel user) {
        return user != null && REGISTERED.equals(user.getFirstAttribute(MemberAttributes.REGISTRATION));
    }

    /**
     * A pre-issued login ID as members read it everywhere (letter, one-time page, mails): in capitals, as the
     * letter prints it. Keycloak stores and compares login IDs in lower case, so either way of typing it works.
     */
    public static String preIssuedLoginId(String loginId) {
        return loginId == null ? "" : loginId.toUpperCase(Locale.ROOT);
    }

    /** The account's login ID as shown to the member: a not-yet-registered (pre-issued) one in capitals. */
    public static String shownLoginId(UserModel user) {
        return isPending(user) ? preIssuedLoginId(user.getUsername()) : user.getUsername();
    }
}
