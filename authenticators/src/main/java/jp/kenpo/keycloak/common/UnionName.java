package jp.kenpo.keycloak.common;

import org.keycloak.models.RealmModel;

/** The union's name as members know it: the realm's display name, or its name when none is set. */
public final class UnionName {

    private UnionName() {
    }

    public static String of(RealmModel realm) {
        String displayName = realm.getDisplayName();
        return displayName == null || displayName.isBlank() ? realm.getName() : displayName;
    }
}
