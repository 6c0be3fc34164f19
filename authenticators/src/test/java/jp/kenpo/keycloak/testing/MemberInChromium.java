package jp.kenpo.keycloak.testing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A member's browser against the test Keycloak: each test gets a fresh headless Chromium in Japanese
 * ({@link ChromiumExtension}) and the shared server ({@link KeycloakServerExtension}).
 */
@ExtendWith({KeycloakServerExtension.class, ChromiumExtension.class})
public abstract class MemberInChromium {

    protected final KeycloakServer server;
    protected Chromium chromium;
    protected ChromeDriver driver;

    protected MemberInChromium(KeycloakServer server) {
        this.server = server;
    }

    @BeforeEach
    void openBrowser(Chromium browser) {
        chromium = browser;
        driver = browser.driver();
    }
}
