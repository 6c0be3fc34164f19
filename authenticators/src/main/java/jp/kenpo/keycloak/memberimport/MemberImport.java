package jp.kenpo.keycloak.memberimport;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import jp.kenpo.keycloak.common.JapanTime;
import jp.kenpo.keycloak.common.MemberData;
import jp.kenpo.keycloak.firstlogin.Registration;
import jp.kenpo.keycloak.forgot.TemporaryPasswordGenerator;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserCredentialModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;

/**
 * Loads the membership list into the realm, idempotently: members are matched by 記号-番号-枝番 (an
 * indexed user attribute), existing accounts are updated and never recreated, registered members'
 * login IDs and passwords are never touched, members past 資格喪失日 or absent from the file are
 * disabled (not deleted). New insured members get a pre-issued ID and a temporary password (returned
 * once, for the letters); new dependents get an account without a usable password (they use the lookup).
 * Rows go in batches, each in its own transaction, reporting progress after each.
 */
public final class MemberImport {

    /** User attribute holding 記号-番号-枝番, the key a re-import finds a member by. */
    public static final String MEMBER_KEY = "kenpoMemberKey";
    /** User attribute set when the import disabled a member, so a re-qualified member is enabled again. */
    public static final String DISABLED_BY_IMPORT = "kenpoDisabledByImport";
    static final String DEFAULT_NICKNAME = "ご本人";
    private static final int BATCH = 200;

    /** A new insured member's letter data; the temporary password exists in clear only here. */
    public record Letter(String memberKey, String name, String loginId, String temporaryPassword) {
    }

    /** Counts so far. */
    public static final class Summary {
        public int processed;
        public int created;
        public int updated;
        public int unchanged;
        public int disabled;
        public int enabled;
        public int skipped;
        public int rejected;

        public Map<String, Object> toMap(boolean dryRun) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("dryRun", dryRun);
            m.put("processed", processed);
            m.put("created", created);
            m.put("updated", updated);
            m.put("unchanged", unchanged);
            m.put("disabled", disabled);
            m.put("enabled", enabled);
            m.put("skipped", skipped);
            m.put("rejected", rejected);
            return m;
        }
    }

    private final KeycloakSessionFactory factory;
    private final String realmId;
    private final boolean dryRun;
    private final LocalDate today;

    public MemberImport(KeycloakSessionFactory factory, String realmId, boolean dryRun) {
        this(factory, realmId, dryRun, JapanTime.today());
    }

    MemberImport(KeycloakSessionFactory factory, String realmId, boolean dryRun, LocalDate today) {
        this.factory = factory;
        this.realmId = realmId;
        this.dryRun = dryRun;
        this.today = today;
    }

    /**
     * @param keep member keys of rows that were rejected: their members are not absent, only unreadable this time
     */
    public Summary run(List<MembershipFile.Row> rows, Set<String> keep, Summary summary, Consumer<Letter> letters,
                       Consumer<Summary> progress) {
        Set<String> seen = new HashSet<>();
        Set<String> issuedIds = new HashSet<>();
        for (int from = 0; from < rows.size(); from += BATCH) {
            List<MembershipFile.Row> batch = rows.subList(from, Math.min(rows.size(), from + BATCH));
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                session.getContext().setRealm(realm);
                for (MembershipFile.Row row : batch) {
                    if (!seen.add(row.memberKey())) {
                        summary.rejected++;
                        continue;
                    }
                    upsert(session, realm, row, summary, letters, issuedIds);
                    summary.processed++;
                }
            });
            progress.accept(summary);
        }
        seen.addAll(keep);
        disableAbsent(seen, summary);
        progress.accept(summary);
        return summary;
    }

    private void upsert(KeycloakSession session, RealmModel realm, MembershipFile.Row row, Summary summary,
                        Consumer<Letter> letters, Set<String> issuedIds) {
        boolean lost = row.lossDate() != null && !row.lossDate().isAfter(today);
        UserModel existing = session.users().searchForUserByUserAttributeStream(realm, MEMBER_KEY, row.memberKey())
                .findFirst().orElse(null);
        if (existing != null) {
            boolean changed = applyData(existing, row);
            if (lost && existing.isEnabled()) {
                if (!dryRun) {
                    existing.setEnabled(false);
                    existing.setSingleAttribute(DISABLED_BY_IMPORT, "true");
                }
                summary.disabled++;
            } else if (!lost && !existing.isEnabled() && "true".equals(existing.getFirstAttribute(DISABLED_BY_IMPORT))) {
                if (!dryRun) {
                    existing.setEnabled(true);
                    existing.removeAttribute(DISABLED_BY_IMPORT);
                }
                summary.enabled++;
            } else if (changed) {
                summary.updated++;
            } else {
                summary.unchanged++;
            }
            return;
        }
        if (lost) {
            summary.skipped++;
            return;
        }
        summary.created++;
        if (dryRun) {
            return;
        }
        String loginId = uniqueId(session, realm, issuedIds);
        UserModel user = session.users().addUser(realm, loginId);
        user.setEnabled(true);
        user.setSingleAttribute(MEMBER_KEY, row.memberKey());
        user.setSingleAttribute(Registration.NICKNAME, DEFAULT_NICKNAME);
        user.setSingleAttribute(Registration.STATUS, Registration.PENDING);
        applyData(user, row);
        if (row.insured()) {
            String temporary = TemporaryPasswordGenerator.generate(10);
            user.credentialManager().updateCredential(UserCredentialModel.password(temporary, false));
            letters.accept(new Letter(row.memberKey(), row.familyKanji() + " " + row.givenKanji(), loginId, temporary));
        }
    }

    /** Sets the member data from the list; true when anything changed. */
    private boolean applyData(UserModel user, MembershipFile.Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put(MemberData.SYMBOL, row.symbol());
        values.put(MemberData.NUMBER, row.number());
        values.put(MemberData.BRANCH, row.branch());
        values.put(MemberData.RELATIONSHIP, row.relationship());
        values.put(MemberData.FAMILY_NAME_KANJI, row.familyKanji());
        values.put(MemberData.GIVEN_NAME_KANJI, row.givenKanji());
        values.put(MemberData.FAMILY_NAME_KANA, row.familyKana());
        values.put(MemberData.GIVEN_NAME_KANA, row.givenKana());
        values.put(MemberData.BIRTH_DATE, row.birthDate().toString());
        values.put(MemberData.EMPLOYEE_NUMBER, row.employeeNumber());
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

    private static String uniqueId(KeycloakSession session, RealmModel realm, Set<String> issuedIds) {
        for (int attempt = 0; attempt < 50; attempt++) {
            String id = PreIssuedIds.next();
            if (issuedIds.add(id) && session.users().getUserByUsername(realm, id) == null) {
                return id;
            }
        }
        throw new IllegalStateException("Could not find a free pre-issued login ID");
    }

    /** Members of the union (they have a member key) that the file no longer lists are disabled. */
    private void disableAbsent(Set<String> seen, Summary summary) {
        int first = 0;
        while (true) {
            int offset = first;
            int[] page = new int[1];
            KeycloakModelUtils.runJobInTransaction(factory, session -> {
                RealmModel realm = session.realms().getRealm(realmId);
                session.getContext().setRealm(realm);
                session.users().searchForUserStream(realm, Map.of(UserModel.SEARCH, "*"), offset, 500).forEach(user -> {
                    page[0]++;
                    String key = user.getFirstAttribute(MEMBER_KEY);
                    if (key != null && !seen.contains(key) && user.isEnabled()) {
                        if (!dryRun) {
                            user.setEnabled(false);
                            user.setSingleAttribute(DISABLED_BY_IMPORT, "true");
                        }
                        summary.disabled++;
                    }
                });
            });
            if (page[0] < 500) {
                return;
            }
            first += 500;
        }
    }
}
