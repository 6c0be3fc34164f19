package jp.kenpo.keycloak.memberimport;

import java.util.List;

import jp.kenpo.keycloak.common.PackAdminResourceFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSession;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.services.resources.admin.ext.AdminRealmResourceProvider;

/**
 * The member import's admin endpoint. Option {@code --spi-admin-realm-restapi-extension--kenpo-member-import--letter-font}
 * (default: none, the IPA Gothic in the jar): a TrueType file for the letters' PDF ({@link LetterFont}).
 */
public class MemberImportResourceFactory extends PackAdminResourceFactory {

    public static final String ID = "kenpo-member-import";
    static final String LETTER_FONT = "letterFont";

    private LetterFont letterFont = LetterFont.BUNDLED;

    public MemberImportResourceFactory() {
        super(ID, MemberImportResource::new);
    }

    @Override
    public void init(Config.Scope config) {
        // A wrong path stops the server at start, not the first print run.
        letterFont = LetterFont.of(config.get(LETTER_FONT));
    }

    LetterFont letterFont() {
        return letterFont;
    }

    /** This server's letter font. */
    static LetterFont letterFont(KeycloakSession session) {
        ProviderFactory<?> factory = session.getKeycloakSessionFactory().getProviderFactory(AdminRealmResourceProvider.class, ID);
        return factory instanceof MemberImportResourceFactory own ? own.letterFont : LetterFont.BUNDLED;
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(LETTER_FONT).type(ProviderConfigProperty.STRING_TYPE)
                .helpText("TrueType font file (.ttf) embedded in the letters' PDF; empty for the IPA Gothic in the pack's jar.")
                .defaultValue("").add()
                .build();
    }
}
