package jp.kenpo.keycloak.memberimport;

import jp.kenpo.keycloak.common.PackAdminResourceFactory;

public class MemberImportResourceFactory extends PackAdminResourceFactory {

    public static final String ID = "kenpo-member-import";

    public MemberImportResourceFactory() {
        super(ID, MemberImportResource::new);
    }
}
