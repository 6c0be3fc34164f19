package jp.kenpo.keycloak.common;

import java.util.Map;

import org.keycloak.models.AuthenticatorConfigModel;
import org.keycloak.models.RealmModel;

/**
 * The settings of a flow step, found from outside the step (a page or a mail link of the same
 * feature): the config of the realm's first execution of that provider that has one, as the admin
 * console shows and edits it. Empty settings (so the defaults) when the realm has none.
 */
public final class StepConfig {

    private StepConfig() {
    }

    public static Map<String, String> of(RealmModel realm, String providerId) {
        return realm.getAuthenticationFlowsStream()
                .flatMap(flow -> realm.getAuthenticationExecutionsStream(flow.getId()))
                .filter(execution -> providerId.equals(execution.getAuthenticator()) && execution.getAuthenticatorConfig() != null)
                .map(execution -> realm.getAuthenticatorConfigById(execution.getAuthenticatorConfig()))
                .filter(config -> config != null && config.getConfig() != null)
                .map(AuthenticatorConfigModel::getConfig)
                .findFirst()
                .orElse(Map.of());
    }

    /** The settings of a step run in a flow ({@code context.getAuthenticatorConfig()}), empty when none. */
    public static Map<String, String> of(AuthenticatorConfigModel model) {
        return model == null || model.getConfig() == null ? Map.of() : model.getConfig();
    }
}
