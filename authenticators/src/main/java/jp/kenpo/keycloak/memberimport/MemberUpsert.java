package jp.kenpo.keycloak.memberimport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

import jp.kenpo.keycloak.common.TemporaryPasswordGenerator;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.PreIssuedPassword;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.common.util.Time;
import org.keycloak.credential.hash.PasswordHashProvider;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * One row of the membership list applied to the realm: an existing member's data updated (never the
 * login ID or password of a registered member), a member past 資格喪失日 disabled, a re-qualified one
 * enabled again; a new member created not yet registered, with a pre-issued ID and, for the insured, a
 * temporary password for the letter. {@link MemberImport} runs rows through it in batches.
 */
final class MemberUpsert {


    private final boolean dryRun;
    private final LocalDate today;

    MemberUpsert(boolean dryRun, LocalDate today) {
        this.dryRun = dryRun;
        this.today = today;
    }

    /**
     * Applies a row to its member already in the realm: data updated, disabled past 資格喪失日, enabled again
     * when the import had disabled it; counts what happened.
     */
    void update(UserModel existing, MembershipFile.Row row, ImportSummary summary) {
        boolean lost = lost(row);
        boolean changed = applyData(existing, row);
        if (lost && existing.isEnabled()) {
            if (!dryRun) {
                existing.setEnabled(false);
                existing.setSingleAttribute(MemberAttributes.DISABLED_BY_IMPORT, "true");
            }
            summary.add(ImportSummary.Count.DISABLED);
        } else if (!lost && !existing.isEnabled() && "true".equals(existing.getFirstAttribute(MemberAttributes.DISABLED_BY_IMPORT))) {
            if (!dryRun) {
                existing.setEnabled(true);
                existing.removeAttribute(MemberAttributes.DISABLED_BY_IMPORT);
            }
            summary.add(ImportSummary.Count.ENABLED);
        } else if (changed) {
            summary.add(ImportSummary.Count.UPDATED);
        } else {
            summary.add(ImportSummary.Count.UNCHANGED);
        }
    }

    /** True when the row's 資格喪失日 has come: such a member is disabled, or not created. */
    boolean lost(MembershipFile.Row row) {
        return row.lossDate() != null && !row.lossDate().isAfter(today);
    }

    /**
     * Creates the row's member, not yet registered, with the pre-issued login ID {@code loginId} and, for the
     * insured, a temporary password whose letter is handed on. Not for dry runs.
     */
    void create(KeycloakSession session, RealmModel realm, MembershipFile.Row row, String loginId,
                Consumer<MemberImport.Letter> letters) {
        UserModel user = session.users().addUser(realm, loginId);
        user.setEnabled(true);
        user.setSingleAttribute(MemberAttributes.MEMBER_KEY, row.memberKey());
        user.setSingleAttribute(MemberAttributes.NICKNAME, Registration.DEFAULT_NICKNAME);
        user.setSingleAttribute(MemberAttributes.REGISTRATION, Registration.PENDING);
        applyData(user, row);
        if (row.insured()) {
            String temporary = TemporaryPasswordGenerator.generate();
            setPreIssuedPassword(session, user, temporary);
            letters.accept(new MemberImport.Letter(row.memberKey(), row.familyKanji() + " " + row.givenKanji(), loginId, temporary));
        }
    }

    /** Stores a pre-issued temporary password (see {@link PreIssuedPassword}); the import and the letter reissue use it. */
    static void setPreIssuedPassword(KeycloakSession session, UserModel user, String temporary) {
        PasswordCredentialModel credential = session.getProvider(PasswordHashProvider.class, PreIssuedPassword.HASH)
                .encodedCredential(temporary, PreIssuedPassword.ITERATIONS);
        credential.setCreatedDate(Time.currentTimeMillis());
        user.credentialManager().createStoredCredential(credential);
        // Its validity (kenpo-member-registration's setting) runs from here.
        user.setSingleAttribute(MemberAttributes.LETTER_PASSWORD_ISSUED_AT, Instant.ofEpochMilli(credential.getCreatedDate()).toString());
    }

    /** Sets the member data from the list; true when anything changed. */
    private boolean applyData(UserModel user, MembershipFile.Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(MemberAttributes.SYMBOL, row.symbol());
        values.put(MemberAttributes.NUMBER, row.number());
        values.put(MemberAttributes.BRANCH, row.branch());
        values.put(MemberAttributes.RELATIONSHIP, row.relationship());
        values.put(MemberAttributes.FAMILY_NAME_KANJI, row.familyKanji());
        values.put(MemberAttributes.GIVEN_NAME_KANJI, row.givenKanji());
        values.put(MemberAttributes.FAMILY_NAME_KANA, row.familyKana());
        values.put(MemberAttributes.GIVEN_NAME_KANA, row.givenKana());
        values.put(MemberAttributes.BIRTH_DATE, row.birthDate().toString());
        values.put(MemberAttributes.EMPLOYEE_NUMBER, row.employeeNumber());
        boolean changed = false;
        for (Map.Entry<String, String> e : values.entrySet()) {
            String current = user.getFirstAttribute(e.getKey());
            String wanted = e.getValue() == null || e.getValue().isEmpty() ? null : e.getValue();
            if (wanted == null ? current != null : !wanted.equals(current)) {
                changed = true;
                if (!dryRun) {
                    if (wanted == null) {
                        user.removeAttribute(e.getKey());
                    } else {
                        user.setSingleAttribute(e.getKey(), wanted);
                    }
                }
            }
        }
        return changed;
    }
}
