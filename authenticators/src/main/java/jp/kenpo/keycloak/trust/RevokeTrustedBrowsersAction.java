package jp.kenpo.keycloak.trust;

import jp.kenpo.keycloak.common.EventDetails;
import org.keycloak.authentication.InitiatedActionSupport;
import org.keycloak.authentication.RequiredActionContext;
import org.keycloak.authentication.RequiredActionProvider;
import org.keycloak.events.EventType;

/**
 * 「信頼したブラウザをすべて解除」: an application-initiated action ({@code kc_action=}{@value
 * RevokeTrustedBrowsersActionFactory#ID}) opened from プロフィール設定. It asks once, then ends the trust on
 * every browser of the member and removes the cookie from this one.
 */
public class RevokeTrustedBrowsersAction implements RequiredActionProvider {

    static final String FORM = "kenpo-trusted-browser-revoke.ftl";
    static final String REVOKE = "revoke";

    @Override
    public InitiatedActionSupport initiatedActionSupport() {
        return InitiatedActionSupport.SUPPORTED;
    }

    @Override
    public void evaluateTriggers(RequiredActionContext context) {
    }

    @Override
    public void requiredActionChallenge(RequiredActionContext context) {
        context.challenge(context.form().createForm(FORM));
    }

    @Override
    public void processAction(RequiredActionContext context) {
        if (!context.getHttpRequest().getDecodedFormParameters().containsKey(REVOKE)) {
            context.cancel();
            return;
        }
        TrustedBrowser.revokeAll(context.getUser());
        TrustedBrowser.forget(context.getSession(), context.getRealm(), context.getUser());
        context.getEvent().clone().event(EventType.CUSTOM_REQUIRED_ACTION).user(context.getUser())
                .detail(EventDetails.TRUSTED_BROWSER, "revoked_all").success();
        context.success();
    }

    @Override
    public void close() {
    }
}
