package jp.kenpo.keycloak.common;

/**
 * Shows a member which address a mail went to without disclosing the address to whoever looks at the screen
 * or reads a log: {@code taro@example.co.jp} becomes {@code t***@e***.jp}.
 */
public final class EmailMasker {

    private static final String STARS = "***";

    private EmailMasker() {
    }

    public static String mask(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        String trimmed = email.trim();
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return firstChar(trimmed) + STARS;
        }
        String local = trimmed.substring(0, at);
        String domain = trimmed.substring(at + 1);
        int lastDot = domain.lastIndexOf('.');
        String maskedDomain;
        if (lastDot <= 0 || lastDot == domain.length() - 1) {
            maskedDomain = firstChar(domain) + STARS;
        } else {
            maskedDomain = firstChar(domain) + STARS + domain.substring(lastDot);
        }
        return firstChar(local) + STARS + "@" + maskedDomain;
    }

    private static String firstChar(String s) {
        return s.isEmpty() ? "" : s.substring(0, s.offsetByCodePoints(0, 1));
    }
}
