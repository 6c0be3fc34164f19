package jp.kenpo.keycloak.memberimport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jp.kenpo.keycloak.common.AdminText;
import jp.kenpo.keycloak.common.TemporaryPasswordGenerator;
import jp.kenpo.keycloak.member.MemberAttributes;
import jp.kenpo.keycloak.member.MemberKey;
import jp.kenpo.keycloak.member.Registration;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.credential.PasswordCredentialModel;

/**
 * A new letter for insured members who have not registered yet and lost theirs (or whose import
 * answer never reached union IT): a new temporary password replaces the old one, so the lost letter
 * stops working, and the letter data comes back once, as from the import. Registered members use
 * パスワード再発行 and dependents ID・パスワードの取得 instead, so they are refused with the reason.
 */
final class LetterReissue {

    private static final AdminText TEXT = AdminText.of(LetterReissue.class);

    /** A member key that got no letter, and why (for union IT, in both languages). */
    record Refused(String memberKey, String reason) {
    }

    record Result(List<MemberImport.Letter> letters, List<Refused> refused) {
    }

    private LetterReissue() {
    }

    static Result reissue(KeycloakSession session, RealmModel realm, List<String> typedKeys) {
        List<MemberImport.Letter> letters = new ArrayList<>();
        List<Refused> refused = new ArrayList<>();
        Set<String> keys = new LinkedHashSet<>();
        for (String typed : typedKeys) {
            Optional<String> key = MemberKey.parse(typed);
            if (key.isEmpty()) {
                refused.add(new Refused(typed, TEXT.get("kenpo.reissue.badKey")));
            } else {
                keys.add(key.get());
            }
        }
        for (String key : keys) {
            List<UserModel> found = session.users().searchForUserByUserAttributeStream(realm, MemberAttributes.MEMBER_KEY, key).toList();
            String reason = found.size() != 1 ? "kenpo.reissue.notFound" : refusal(found.get(0));
            if (reason != null) {
                refused.add(new Refused(key, TEXT.get(reason)));
                continue;
            }
            UserModel member = found.get(0);
            member.credentialManager().getStoredCredentialsByTypeStream(PasswordCredentialModel.TYPE).toList()
                    .forEach(old -> member.credentialManager().removeStoredCredentialById(old.getId()));
            String temporary = TemporaryPasswordGenerator.generate();
            MemberUpsert.setPreIssuedPassword(session, member, temporary);
            // Failures with the lost letter's password must not lock the member out of the new one.
            session.loginFailures().removeUserLoginFailure(realm, member.getId());
            letters.add(new MemberImport.Letter(key,
                    member.getFirstAttribute(MemberAttributes.FAMILY_NAME_KANJI) + " " + member.getFirstAttribute(MemberAttributes.GIVEN_NAME_KANJI),
                    // Keycloak keeps usernames in lower case; a pending member still has the pre-issued ID,
                    // which is printed in capitals as on the first letter.
                    Registration.preIssuedLoginId(member.getUsername()), temporary));
        }
        return new Result(letters, refused);
    }

    private static String refusal(UserModel member) {
        if (!MemberAttributes.RELATIONSHIP_SELF.equals(member.getFirstAttribute(MemberAttributes.RELATIONSHIP))) {
            return "kenpo.reissue.notInsured";
        }
        if (!Registration.isPending(member)) {
            return "kenpo.reissue.registered";
        }
        if (!member.isEnabled()) {
            return "kenpo.reissue.disabled";
        }
        return null;
    }
}
