package jp.kenpo.keycloak.member;

import java.util.stream.Stream;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/** The accounts of one household: the same 記号・番号 on the union's records. */
public final class Households {

    private Households() {
    }

    /**
     * Every account with the member's 記号・番号 (the member included): an exact attribute search on
     * 番号, indexed by name and value, then 記号 — no scan over all members. Empty without member data.
     */
    public static Stream<UserModel> of(KeycloakSession session, RealmModel realm, UserModel member) {
        String symbol = member.getFirstAttribute(MemberAttributes.SYMBOL);
        String number = member.getFirstAttribute(MemberAttributes.NUMBER);
        if (symbol == null || number == null) {
            return Stream.empty();
        }
        return session.users().searchForUserByUserAttributeStream(realm, MemberAttributes.NUMBER, number)
                .filter(other -> symbol.equals(other.getFirstAttribute(MemberAttributes.SYMBOL)));
    }
}
