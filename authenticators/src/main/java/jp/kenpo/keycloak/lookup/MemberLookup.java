package jp.kenpo.keycloak.lookup;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jp.kenpo.keycloak.common.MemberData;
import jp.kenpo.keycloak.firstlogin.Registration;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Finds the member a dependent describes: an exact, indexed attribute search on 番号 (no scan over all
 * members), then 記号, names and birth date compared after {@link MemberIdentity} normalisation.
 */
public final class MemberLookup {

    /** What the member typed, already parsed. */
    public record Query(String employeeNumber, String symbol, String number, String familyKanji, String givenKanji,
                        String familyKana, String givenKana, LocalDate birthDate) {
    }

    public enum Kind { ISSUABLE, REGISTERED, NONE }

    public record Result(Kind kind, UserModel user) {
        static Result none() {
            return new Result(Kind.NONE, null);
        }
    }

    private MemberLookup() {
    }

    public static Result find(KeycloakSession session, RealmModel realm, Query query, LookupConfig config, LocalDate today) {
        MemberLookupEvent timing = new MemberLookupEvent();
        timing.begin();
        Result result = search(session, realm, query, config, today);
        timing.found = result.kind() != Kind.NONE;
        timing.commit();
        return result;
    }

    private static Result search(KeycloakSession session, RealmModel realm, Query query, LookupConfig config, LocalDate today) {
        String number = MemberIdentity.code(query.number());
        if (number.isEmpty()) {
            return Result.none();
        }
        List<UserModel> candidates = session.users().searchForUserByUserAttributeStream(realm, MemberData.NUMBER, number)
                .filter(u -> matches(u, query))
                .limit(2)
                .toList();
        // Two accounts with the same data would be a data problem at the union: never guess between them.
        if (candidates.size() != 1) {
            return Result.none();
        }
        UserModel user = candidates.get(0);
        if (!user.isEnabled()) {
            return Result.none();
        }
        LocalDate birth = parseDate(user.getFirstAttribute(MemberData.BIRTH_DATE)).orElse(null);
        if (!Eligibility.eligible(user.getFirstAttribute(MemberData.RELATIONSHIP), birth, today, config.ageReckoning(), config.minimumAge())) {
            return Result.none();
        }
        return new Result(isRegistered(user) ? Kind.REGISTERED : Kind.ISSUABLE, user);
    }

    /** Registered accounts (or any with an address) are never reset by a lookup. */
    public static boolean isRegistered(UserModel user) {
        return Registration.REGISTERED.equals(user.getFirstAttribute(Registration.STATUS))
                || (user.getEmail() != null && !user.getEmail().isBlank());
    }

    static boolean matches(UserModel user, Query query) {
        if (!MemberIdentity.code(user.getFirstAttribute(MemberData.SYMBOL)).equals(MemberIdentity.code(query.symbol()))) {
            return false;
        }
        if (!MemberIdentity.kanjiName(user.getFirstAttribute(MemberData.FAMILY_NAME_KANJI)).equals(MemberIdentity.kanjiName(query.familyKanji()))
                || !MemberIdentity.kanjiName(user.getFirstAttribute(MemberData.GIVEN_NAME_KANJI)).equals(MemberIdentity.kanjiName(query.givenKanji()))
                || !MemberIdentity.kanaName(user.getFirstAttribute(MemberData.FAMILY_NAME_KANA)).equals(MemberIdentity.kanaName(query.familyKana()))
                || !MemberIdentity.kanaName(user.getFirstAttribute(MemberData.GIVEN_NAME_KANA)).equals(MemberIdentity.kanaName(query.givenKana()))) {
            return false;
        }
        if (!parseDate(user.getFirstAttribute(MemberData.BIRTH_DATE)).equals(Optional.ofNullable(query.birthDate()))) {
            return false;
        }
        // 従業員番号 is only on insured members; dependents leave it empty.
        String employee = MemberIdentity.code(query.employeeNumber());
        String stored = MemberIdentity.code(user.getFirstAttribute(MemberData.EMPLOYEE_NUMBER));
        return employee.isEmpty() || stored.isEmpty() || employee.equals(stored);
    }

    static Optional<LocalDate> parseDate(String iso) {
        try {
            return iso == null ? Optional.empty() : Optional.of(LocalDate.parse(iso.trim()));
        } catch (java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
