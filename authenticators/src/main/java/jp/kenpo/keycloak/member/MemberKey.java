package jp.kenpo.keycloak.member;

import java.text.Normalizer;
import java.util.Optional;

import org.keycloak.models.UserModel;

/**
 * 記号-番号-枝番, the key a member is found by (user attribute {@link MemberAttributes#MEMBER_KEY}),
 * and 記号-番号, the key of a household: the one normalisation of both, whether the parts come from
 * the union's file, from what union IT or a member typed (full-width digits, spaces, a one-digit 枝番)
 * or from the stored attributes.
 */
public final class MemberKey {

    private MemberKey() {
    }

    /** The key of these three parts, or empty when one is missing or 枝番 is not one or two digits. */
    public static Optional<String> of(String symbol, String number, String branch) {
        Optional<String> b = branch(branch);
        return b.isEmpty() ? Optional.empty() : household(symbol, number).map(h -> h + "-" + b.get());
    }

    /** 枝番 as two digits ({@code 1} → {@code 01}), or empty when it is not one or two digits. */
    public static Optional<String> branch(String typed) {
        String b = MemberIdentity.code(typed);
        if (!b.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        return Optional.of(b.length() == 1 ? "0" + b : b);
    }

    /** The key of an account, from its stored 記号, 番号 and 枝番; empty without member data. */
    public static Optional<String> of(UserModel user) {
        return of(user.getFirstAttribute(MemberAttributes.SYMBOL), user.getFirstAttribute(MemberAttributes.NUMBER),
                user.getFirstAttribute(MemberAttributes.BRANCH));
    }

    /** 記号-番号, the household's key (throttles, households); empty when a part is missing. */
    public static Optional<String> household(String symbol, String number) {
        String s = MemberIdentity.code(symbol);
        String n = MemberIdentity.code(number);
        return s.isEmpty() || n.isEmpty() ? Optional.empty() : Optional.of(s + "-" + n);
    }

    /** A key typed as one text, its parts separated by hyphens (or long-vowel marks typed by mistake). */
    public static Optional<String> parse(String typed) {
        String[] parts = Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFKC).strip()
                .split("\\s*[-\u2212\u30FC]\\s*");
        return parts.length == 3 ? of(parts[0], parts[1], parts[2]) : Optional.empty();
    }
}
