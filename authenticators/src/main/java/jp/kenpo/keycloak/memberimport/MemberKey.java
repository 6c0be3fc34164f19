package jp.kenpo.keycloak.memberimport;

import java.text.Normalizer;
import java.util.Optional;

import jp.kenpo.keycloak.lookup.MemberIdentity;

/**
 * 記号-番号-枝番, the key a member is found by (user attribute {@link MemberImport#MEMBER_KEY}): the
 * same form whether it comes from the union's file or from what union IT typed (full-width digits,
 * spaces, a one-digit 枝番).
 */
final class MemberKey {

    private MemberKey() {
    }

    /** The key of these three parts, or empty when one is missing or 枝番 is not one or two digits. */
    static Optional<String> of(String symbol, String number, String branch) {
        String s = MemberIdentity.code(symbol);
        String n = MemberIdentity.code(number);
        String b = MemberIdentity.code(branch);
        if (s.isEmpty() || n.isEmpty() || !b.matches("\\d{1,2}")) {
            return Optional.empty();
        }
        return Optional.of(s + "-" + n + "-" + (b.length() == 1 ? "0" + b : b));
    }

    /** A key typed as one text, its parts separated by hyphens (or long-vowel marks typed by mistake). */
    static Optional<String> parse(String typed) {
        String[] parts = Normalizer.normalize(typed == null ? "" : typed, Normalizer.Form.NFKC).strip()
                .split("\\s*[-\u2212\u30FC]\\s*");
        return parts.length == 3 ? of(parts[0], parts[1], parts[2]) : Optional.empty();
    }
}
