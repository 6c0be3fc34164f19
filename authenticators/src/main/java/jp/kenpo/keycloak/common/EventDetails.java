package jp.kenpo.keycloak.common;

/**
 * Names of the details the pack adds to Keycloak's events (docs/events.md lists their values).
 * Values never carry a secret, a full address, a name or a birth date; numbers are masked.
 */
public final class EventDetails {

    /** An address as {@link EmailMasker} shows it. */
    public static final String MASKED_EMAIL = "kenpo_masked_email";
    /** The email-key step's outcome. */
    public static final String EMAIL_KEY = "kenpo_email_key";
    public static final String TRIES_LEFT = "kenpo_tries_left";
    /** パスワード再発行, 仮ログイン and パスワード変更. */
    public static final String REISSUE = "kenpo_reissue";
    public static final String ENDED_SESSIONS = "kenpo_ended_sessions";
    /** 利用者情報入力 and the fields a rejected form had problems in. */
    public static final String REGISTRATION = "kenpo_registration";
    public static final String FIELDS = "kenpo_fields";
    /** 新規利用登録 by email. */
    public static final String REGISTRATION_MAIL = "kenpo_registration_mail";
    /** 空メール registration: received, answered, ignored (with the reason), throttled. */
    public static final String EMPTY_MAIL = "kenpo_empty_mail";
    public static final String EMPTY_MAIL_REASON = "kenpo_empty_mail_reason";
    /** ID・パスワードの取得 and the postal route; 記号 and 番号 masked. */
    public static final String LOOKUP = "kenpo_lookup";
    public static final String SYMBOL = "kenpo_symbol";
    public static final String NUMBER = "kenpo_number";
    public static final String POSTAL_REQUEST = "kenpo_postal_request";
    /** A lookup request's id (never its keys), how it is delivered, who stopped it. */
    public static final String LOOKUP_REQUEST = "kenpo_lookup_request";
    public static final String LOOKUP_DELIVERY = "kenpo_lookup_delivery";
    public static final String LOOKUP_STOPPED_BY = "kenpo_lookup_stopped_by";
    /** A mail job in the outbox: its id, its kind and the attempts made. */
    public static final String MAIL_JOB = "kenpo_mail_job";
    public static final String MAIL_KIND = "kenpo_mail_kind";
    public static final String MAIL_ATTEMPTS = "kenpo_mail_attempts";

    private EventDetails() {
    }
}
