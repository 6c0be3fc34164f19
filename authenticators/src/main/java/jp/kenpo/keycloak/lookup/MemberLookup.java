package jp.kenpo.keycloak.lookup;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.MemberIdentity;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.connections.jpa.JpaConnectionProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

/**
 * Finds the member a dependent describes: an exact, indexed attribute search on 番号 (no scan over all
 * members), then 記号, names and birth date compared after {@link MemberIdentity} normalisation.
 * Members are accounts of Keycloak's own user store (the import creates them), read with one query.
 */
public final class MemberLookup {

    /** What the member typed, already parsed. */
    public record Query(String employeeNumber, String symbol, String number, String familyKanji, String givenKanji,
                        String familyKana, String givenKana, LocalDate birthDate) {
    }

    public enum Kind { ISSUABLE, REGISTERED, NONE }

    /** The attributes a lookup compares. */
    private static final List<String> COMPARED = List.of(MemberAttributes.SYMBOL, MemberAttributes.FAMILY_NAME_KANJI,
            MemberAttributes.GIVEN_NAME_KANJI, MemberAttributes.FAMILY_NAME_KANA, MemberAttributes.GIVEN_NAME_KANA, MemberAttributes.BIRTH_DATE,
            MemberAttributes.EMPLOYEE_NUMBER);

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
        List<String> candidates = household(session, realm, number).entrySet().stream()
                .filter(member -> matches(member.getValue()::get, query))
                .map(Map.Entry::getKey)
                .limit(2)
                .toList();
        // Two accounts with the same data would be a data problem at the union: never guess between them.
        if (candidates.size() != 1) {
            return Result.none();
        }
        UserModel user = session.users().getUserById(realm, candidates.get(0));
        if (user == null || !user.isEnabled()) {
            return Result.none();
        }
        // matches() compared the stored birth date with the typed one: they are the same date.
        if (!Eligibility.eligible(user.getFirstAttribute(MemberAttributes.RELATIONSHIP), query.birthDate(), today,
                config.ageReckoning(), config.minimumAge())) {
            return Result.none();
        }
        return new Result(isRegistered(user) ? Kind.REGISTERED : Kind.ISSUABLE, user);
    }

    /**
     * The data compared, for everyone under one 番号 (a household), in one indexed query: only the
     * member who matches is then loaded as an account, so a lookup costs the same few queries
     * whatever the size of the union.
     */
    private static Map<String, Map<String, String>> household(KeycloakSession session, RealmModel realm, String number) {
        Map<String, Map<String, String>> members = new HashMap<>();
        session.getProvider(JpaConnectionProvider.class).getEntityManager()
                .createQuery("select a.user.id, a.name, a.value from UserAttributeEntity a where a.name in :compared"
                        + " and a.user.id in (select n.user.id from UserAttributeEntity n"
                        + " where n.name = :numberName and n.value = :number and n.user.realmId = :realm)", Object[].class)
                .setParameter("compared", COMPARED)
                .setParameter("numberName", MemberAttributes.NUMBER)
                .setParameter("number", number)
                .setParameter("realm", realm.getId())
                .getResultStream()
                .forEach(r -> members.computeIfAbsent((String) r[0], id -> new HashMap<>()).putIfAbsent((String) r[1], (String) r[2]));
        return members;
    }

    /** Registered accounts (or any with an address) are never reset by a lookup. */
    public static boolean isRegistered(UserModel user) {
        return Registration.isRegistered(user)
                || (user.getEmail() != null && !user.getEmail().isBlank());
    }

    /** The member's stored data, by attribute name (null when absent). */
    interface Data {
        String get(String attribute);
    }

    static boolean matches(Data user, Query query) {
        if (!MemberIdentity.code(user.get(MemberAttributes.SYMBOL)).equals(MemberIdentity.code(query.symbol()))) {
            return false;
        }
        if (!MemberIdentity.kanjiName(user.get(MemberAttributes.FAMILY_NAME_KANJI)).equals(MemberIdentity.kanjiName(query.familyKanji()))
                || !MemberIdentity.kanjiName(user.get(MemberAttributes.GIVEN_NAME_KANJI)).equals(MemberIdentity.kanjiName(query.givenKanji()))
                || !MemberIdentity.kanaName(user.get(MemberAttributes.FAMILY_NAME_KANA)).equals(MemberIdentity.kanaName(query.familyKana()))
                || !MemberIdentity.kanaName(user.get(MemberAttributes.GIVEN_NAME_KANA)).equals(MemberIdentity.kanaName(query.givenKana()))) {
            return false;
        }
        if (!parseDate(user.get(MemberAttributes.BIRTH_DATE)).equals(Optional.ofNullable(query.birthDate()))) {
            return false;
        }
        // 従業員番号 is only on insured members; dependents leave it empty.
        String employee = MemberIdentity.code(query.employeeNumber());
        String stored = MemberIdentity.code(user.get(MemberAttributes.EMPLOYEE_NUMBER));
        return employee.isEmpty() || stored.isEmpty() || employee.equals(stored);
    }

    static Optional<LocalDate> parseDate(String iso) {
        try {
            return iso == null ? Optional.empty() : Optional.of(LocalDate.parse(iso.trim()));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
