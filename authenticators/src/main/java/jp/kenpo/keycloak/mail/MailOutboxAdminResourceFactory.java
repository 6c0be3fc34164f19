package jp.kenpo.keycloak.mail;

import jp.kenpo.keycloak.common.PackAdminResourceFactory;

public class MailOutboxAdminResourceFactory extends PackAdminResourceFactory {

    public static final String ID = "kenpo-mail-outbox";

    public MailOutboxAdminResourceFactory() {
        super(ID, MailOutboxAdminResource::new);
    }
}
