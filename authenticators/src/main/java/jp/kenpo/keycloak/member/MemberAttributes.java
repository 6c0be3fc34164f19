package jp.kenpo.keycloak.member;

/**
 * Every user attribute the pack reads or writes, named once. Member data comes from the union's
 * membership list (admin-only edit); preferences are the member's own (プロフィール設定); the rest
 * is kept by the pack itself. All are declared in the realm's user profile, so admins see them.
 */
public final class MemberAttributes {

    // Member data from union IT (never editable by the member).
    public static final String SYMBOL = "kenpoInsuranceSymbol";          // 記号
    public static final String NUMBER = "kenpoInsuranceNumber";          // 番号
    public static final String BRANCH = "kenpoBranchNumber";             // 枝番
    public static final String RELATIONSHIP = "kenpoRelationship";       // 続柄: self / spouse / child / other
    public static final String FAMILY_NAME_KANJI = "kenpoFamilyNameKanji";
    public static final String GIVEN_NAME_KANJI = "kenpoGivenNameKanji";
    public static final String FAMILY_NAME_KANA = "kenpoFamilyNameKana";
    public static final String GIVEN_NAME_KANA = "kenpoGivenNameKana";
    public static final String BIRTH_DATE = "kenpoBirthDate";            // yyyy-MM-dd
    public static final String EMPLOYEE_NUMBER = "kenpoEmployeeNumber";  // 従業員番号 (insured only)

    public static final String RELATIONSHIP_SELF = "self";

    // Kept by the member import.
    /** 記号-番号-枝番 as {@link MemberKey} writes it: the key a re-import finds a member by. */
    public static final String MEMBER_KEY = "kenpoMemberKey";
    /** Set when the import disabled a member, so a re-qualified member is enabled again. */
    public static final String DISABLED_BY_IMPORT = "kenpoDisabledByImport";

    // Where the account stands in the union's registration (see Registration).
    /** {@code pending} or {@code registered}; absent means an ordinary account. */
    public static final String REGISTRATION = "kenpoRegistration";
    /** When 利用者情報入力 was completed (ISO-8601, UTC). */
    public static final String REGISTERED_AT = "kenpoRegisteredAt";
    /**
     * When the temporary password of a pending account was issued (ISO-8601, UTC): by the letter
     * (import, letter reissue) or shown by ID・パスワードの取得. Admin-editable; removed at registration.
     */
    public static final String LETTER_PASSWORD_ISSUED_AT = "kenpoLetterPasswordIssuedAt";
    public static final String LOOKUP_PASSWORD_ISSUED_AT = "kenpoLookupPasswordIssuedAt";
    /** The name shown to the member (ようこそ○○さん); never the real name by default. */
    public static final String NICKNAME = "nickname";

    // Preferences (プロフィール設定).
    public static final String EMAIL_2 = "email2";
    public static final String EMAIL_3 = "email3";
    public static final String EMAIL_KEY_LOGIN = "kenpoEmailKeyLogin";   // on / off
    /** When the member answered パスキーのご案内 (ISO-8601, UTC): the suggestion is shown once. Not in the user profile. */
    public static final String PASSKEY_SUGGESTED_AT = "kenpoPasskeySuggestedAt";
    public static final String NOTIFY_MEDICAL = "kenpoNotifyMedical";    // on / off each
    public static final String NOTIFY_GENERIC = "kenpoNotifyGeneric";
    public static final String NOTIFY_MAGAZINE = "kenpoNotifyMagazine";
    public static final String NOTIFY_DOCUMENTS = "kenpoNotifyDocuments";
    public static final String NOTIFY_APPLICATIONS = "kenpoNotifyApplications";
    public static final String NOTIFY_ADDRESSES = "kenpoNotifyAddresses"; // email / email2 / email3
    public static final String DISCLOSE_MEDICAL = "kenpoDiscloseMedical"; // private / public
    public static final String DISCLOSE_GENERIC = "kenpoDiscloseGeneric";

    // Where earlier builds of 0.1.0 kept the last two logins (epoch seconds); now in the pack's table
    // KENPO_LOGIN_HISTORY, and carried over from these at each member's first login after the upgrade.
    public static final String LEGACY_LAST_LOGIN_AT = "kenpoLastLoginAt";
    public static final String LEGACY_PREVIOUS_LOGIN_AT = "kenpoPreviousLoginAt";

    public static final String ON = "on";
    public static final String OFF = "off";
    public static final String PUBLIC = "public";

    private MemberAttributes() {
    }
}
