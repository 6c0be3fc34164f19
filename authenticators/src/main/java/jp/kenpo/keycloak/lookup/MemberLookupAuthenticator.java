package jp.kenpo.keycloak.lookup;

import java.util.EnumSet;
import java.util.Optional;

import jp.kenpo.keycloak.common.LoginEntry;
import jp.kenpo.keycloak.common.PackAuthenticator;
import jp.kenpo.keycloak.common.StartScreen;
import jp.kenpo.keycloak.lookup.postal.PostalScreens;
import org.keycloak.authentication.AuthenticationFlowContext;

/**
 * The browser-flow step of ID・パスワードの取得 (manual 000, steps 3 and 4) and of the postal route
 * (steps 2' and 3'). It shows its screens only in an attempt opened at them (links on ログイン and
 * パスワード再発行, through {@link LoginEntry}); every other attempt passes it without a page. Its
 * execution's settings are {@link LookupConfig}.
 */
public class MemberLookupAuthenticator extends PackAuthenticator {

    private static final EnumSet<StartScreen> SCREENS = EnumSet.of(StartScreen.LOOKUP, StartScreen.POSTAL);

    @Override
    public void authenticate(AuthenticationFlowContext context) {
        Optional<StartScreen> start = LoginEntry.take(context.getAuthenticationSession(), SCREENS);
        if (start.isEmpty()) {
            context.success();
        } else if (start.get() == StartScreen.POSTAL) {
            PostalScreens.open(context);
        } else {
            LookupScreens.open(context);
        }
    }

    @Override
    public void action(AuthenticationFlowContext context) {
        LookupConfig config = LookupConfig.from(context.getAuthenticatorConfig());
        if (!LookupScreens.handle(context, config)) {
            // Not a request of these screens (e.g. a form left open from before): on to ログイン.
            context.success();
        }
    }

    /** Asked before anyone is known. */
    @Override
    public boolean requiresUser() {
        return false;
    }
}
