package jp.kenpo.keycloak.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.keycloak.models.KeycloakSession;
import org.keycloak.models.PasswordPolicy;
import org.keycloak.models.RealmModel;
import org.keycloak.policy.PasswordPolicyProvider;
import org.keycloak.policy.PolicyError;

/**
 * Every rule of the realm's password policy that a password breaks. Keycloak's own policy manager
 * stops at the first; members fix a password faster when they see all of them at once.
 */
public final class PasswordPolicyCheck {

    private PasswordPolicyCheck() {
    }

    /** In the order the union wrote the policy (the order of the rule list on the screen). */
    public static List<PolicyError> violations(KeycloakSession session, RealmModel realm, String loginId, String password) {
        List<PolicyError> errors = new ArrayList<>();
        for (String policyId : inWrittenOrder(realm.getPasswordPolicy())) {
            PasswordPolicyProvider provider = session.getProvider(PasswordPolicyProvider.class, policyId);
            if (provider == null) {
                continue;
            }
            PolicyError error = provider.validate(loginId, password);
            if (error != null) {
                errors.add(error);
            }
        }
        return errors;
    }

    /** Keycloak keeps the policies in a hash map; its text form keeps the order an admin wrote them in. */
    static List<String> inWrittenOrder(PasswordPolicy policy) {
        String written = policy.toString();
        Map<String, Integer> position = new HashMap<>();
        for (String id : policy.getPolicies()) {
            Matcher at = Pattern.compile("(?<![A-Za-z])" + Pattern.quote(id) + "(?![A-Za-z])").matcher(written);
            position.put(id, at.find() ? at.start() : Integer.MAX_VALUE);
        }
        return policy.getPolicies().stream()
                .sorted(Comparator.comparing((String id) -> position.get(id)).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    /** A policy value such as {@code length(8)}, or the fallback when the realm does not set it. */
    public static int intPolicy(RealmModel realm, String policyId, int fallback) {
        Object value = realm.getPasswordPolicy().getPolicyConfig(policyId);
        return value instanceof Integer i ? i : fallback;
    }
}
