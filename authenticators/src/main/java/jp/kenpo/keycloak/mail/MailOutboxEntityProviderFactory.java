package jp.kenpo.keycloak.mail;

import jp.kenpo.keycloak.common.PackTableFactory;

/** The mail outbox table (KENPO_MAIL_OUTBOX) and its own changelog. */
public class MailOutboxEntityProviderFactory extends PackTableFactory {

    public static final String ID = "kenpo-mail-outbox";

    public MailOutboxEntityProviderFactory() {
        super(ID, MailOutboxEntity.class, "META-INF/kenpo-mail-outbox-changelog.xml");
    }
}
