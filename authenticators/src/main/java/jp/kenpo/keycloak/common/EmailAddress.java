package jp.kenpo.keycloak.common;

import java.util.Optional;

import org.keycloak.utils.EmailValidationUtil;

/**
 * An address a member types into one of the pack's forms: taken as meant (full-width characters
 * folded, spaces removed) and checked with Keycloak's own rule, with one message for each problem.
 */
public final class EmailAddress {

    static final String REQUIRED = "kenpoEmailRequired";
    static final String INVALID = "kenpoEmailInvalid";

    private EmailAddress() {
    }

    /** The address as the member meant it; "" for nothing typed. */
    public static String typed(String raw) {
        return InputNormalizer.compact(raw == null ? "" : raw);
    }

    /** The message key of what is wrong with an address from {@link #typed}, or empty when it is usable. */
    public static Optional<String> problem(String address) {
        if (address.isEmpty()) {
            return Optional.of(REQUIRED);
        }
        return EmailValidationUtil.isValidEmail(address) ? Optional.empty() : Optional.of(INVALID);
    }

    /** The {@code mailto:} URI a phone opens as a new mail to the address (the 空メール 2次元コード on screen and letter). */
    public static String mailto(String address) {
        return "mailto:" + address;
    }
}
