package jp.kenpo.keycloak.emailkey;

/** Message keys of the email key screens and mail; the texts are in the kenpo theme's message bundles. */
final class EmailKeyMessages {

    static final String WRONG = "kenpoEmailKeyWrong";
    static final String EXHAUSTED = "kenpoEmailKeyExhausted";
    static final String EXPIRED = "kenpoEmailKeyExpired";
    static final String NO_KEY = "kenpoEmailKeyNoKey";
    static final String EMPTY = "kenpoEmailKeyEmpty";
    static final String RESENT = "kenpoEmailKeyResent";
    static final String RESEND_TOO_SOON = "kenpoEmailKeyResendTooSoon";
    static final String RESEND_LIMIT = "kenpoEmailKeyResendLimit";
    static final String SEND_FAILED = "kenpoEmailKeySendFailed";
    static final String MAIL_CAP = "kenpoEmailKeyMailCap";
    static final String NO_ADDRESS = "kenpoEmailKeyNoAddress";
    static final String LOCKED = "kenpoEmailKeyLocked";
    static final String BUSY = "kenpoEmailKeyBusy";

    static final String MAIL_SUBJECT = "kenpoEmailKeySubject";

    private EmailKeyMessages() {
    }
}
