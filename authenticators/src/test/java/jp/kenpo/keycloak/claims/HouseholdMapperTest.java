package jp.kenpo.keycloak.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.keycloak.protocol.oidc.mappers.OIDCAttributeMapperHelper;
import org.keycloak.provider.ProviderConfigProperty;

class HouseholdMapperTest {

    private static Map<String, Object> defaults(MemberClaimMapper mapper) {
        return mapper.getConfigProperties().stream().filter(p -> p.getDefaultValue() != null)
                .collect(Collectors.toMap(ProviderConfigProperty::getName, ProviderConfigProperty::getDefaultValue));
    }

    @Test
    void aNewHouseholdMapperIsUserinfoOnly() {
        Map<String, Object> household = defaults(new HouseholdMapper());
        assertEquals("true", String.valueOf(household.get(OIDCAttributeMapperHelper.INCLUDE_IN_USERINFO)));
        assertEquals("false", String.valueOf(household.get(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN)));
        assertEquals("false", String.valueOf(household.get(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN)));
    }

    @Test
    void otherMemberClaimsKeepTheirTokenDefaults() {
        Map<String, Object> memberKey = defaults(new MemberKeyMapper());
        assertEquals("true", String.valueOf(memberKey.get(OIDCAttributeMapperHelper.INCLUDE_IN_ID_TOKEN)));
        assertEquals("true", String.valueOf(memberKey.get(OIDCAttributeMapperHelper.INCLUDE_IN_ACCESS_TOKEN)));
    }
}
