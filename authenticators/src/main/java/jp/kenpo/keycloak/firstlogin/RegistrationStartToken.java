package jp.kenpo.keycloak.firstlogin;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.keycloak.representations.JsonWebToken;

/**
 * The token in the 利用登録手続きのご案内 mail's link: signed by the realm's key, carrying the address
 * it was mailed to, valid for the configured hours and used once (its id goes into Keycloak's
 * single-use-object store when the link is opened).
 */
public class RegistrationStartToken extends JsonWebToken {

    public static final String TYPE = "kenpo-registration-start";

    @JsonProperty("kenpo_email")
    private String email;

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }
}
