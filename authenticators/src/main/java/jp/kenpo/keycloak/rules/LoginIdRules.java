package jp.kenpo.keycloak.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The union's login-ID rule (manual 【注1】): 2 to 39 characters; an 8-character ID may not have a
 * digit in position 7 or 8, because that shape is kept for the IDs the union pre-issues on its letters.
 *
 * <p>Characters: half-width letters and digits plus {@code - _ .} — what a member can type on any
 * phone keyboard, that cannot be mistaken for an email address, and that Keycloak accepts in usernames.
 * Callers pass the ID after {@link jp.kenpo.keycloak.common.InputNormalizer#loginId} folding.
 */
public final class LoginIdRules {

    public static final int DEFAULT_MIN_LENGTH = 2;
    public static final int DEFAULT_MAX_LENGTH = 39;
    public static final int RESERVED_LENGTH = 8;

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9._-]+");

    public enum Violation {
        EMPTY("kenpoLoginIdRequired"),
        LENGTH("kenpoLoginIdLength"),
        CHARACTERS("kenpoLoginIdCharacters"),
        RESERVED_SHAPE("kenpoLoginIdReserved");

        private final String messageKey;

        Violation(String messageKey) {
            this.messageKey = messageKey;
        }

        /** Message key in the kenpo themes; LENGTH takes {0}=min and {1}=max. */
        public String messageKey() {
            return messageKey;
        }
    }

    private final int minLength;
    private final int maxLength;

    public LoginIdRules(int minLength, int maxLength) {
        this.minLength = minLength;
        this.maxLength = maxLength;
    }

    public static LoginIdRules defaults() {
        return new LoginIdRules(DEFAULT_MIN_LENGTH, DEFAULT_MAX_LENGTH);
    }

    public int minLength() {
        return minLength;
    }

    public int maxLength() {
        return maxLength;
    }

    /**
     * Every rule the ID breaks, in the order a member should fix them.
     *
     * @param preIssuedShapeAllowed true only for accounts the union issues itself (not yet registered)
     */
    public List<Violation> check(String loginId, boolean preIssuedShapeAllowed) {
        List<Violation> violations = new ArrayList<>();
        if (loginId == null || loginId.isEmpty()) {
            violations.add(Violation.EMPTY);
            return violations;
        }
        int length = loginId.codePointCount(0, loginId.length());
        if (length < minLength || length > maxLength) {
            violations.add(Violation.LENGTH);
        }
        if (!ALLOWED.matcher(loginId).matches()) {
            violations.add(Violation.CHARACTERS);
        }
        if (!preIssuedShapeAllowed && hasPreIssuedShape(loginId)) {
            violations.add(Violation.RESERVED_SHAPE);
        }
        return violations;
    }

    /** 8 characters with a digit in position 7 or 8, like the union's letters' {@code 07AA0A00}. */
    public static boolean hasPreIssuedShape(String loginId) {
        return loginId != null && loginId.length() == RESERVED_LENGTH
                && (isAsciiDigit(loginId.charAt(6)) || isAsciiDigit(loginId.charAt(7)));
    }

    private static boolean isAsciiDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
