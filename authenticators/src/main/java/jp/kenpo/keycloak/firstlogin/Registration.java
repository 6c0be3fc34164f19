package jp.kenpo.keycloak.firstlogin;

import org.keycloak.models.UserModel;

/**
 * Where an account stands in the union's registration: pre-issued accounts start "not yet
 * registered" and become "registered" when the member completes 利用者情報入力. The marker and the
 * time are user attributes declared in the realm's user profile, so admins see them in the console
 * and union IT's import can set them.
 */
public final class Registration {

    /** User attribute: {@value #PENDING} or {@value #REGISTERED}; absent means an ordinary account. */
    public static final String STATUS = "kenpoRegistration";
    public static final String PENDING = "pending";
    public static final String REGISTERED = "registered";
    /** User attribute: when 利用者情報入力 was completed (ISO-8601, UTC). */
    public static final String REGISTERED_AT = "kenpoRegisteredAt";
    /** User attribute: the name shown to the member (ようこそ○○さん); never the real name by default. */
    public static final String NICKNAME = "nickname";

    private Registration() {
    }

    public static boolean isPending(UserModel user) {
        return user != null && PENDING.equals(user.getFirstAttribute(STATUS));
    }
}
