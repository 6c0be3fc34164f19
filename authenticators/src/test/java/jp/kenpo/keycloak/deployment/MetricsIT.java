package jp.kenpo.keycloak.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.LookupPage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.MemberSession;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pack's meters on Keycloak's management port ({@code /metrics}, {@code --metrics-enabled=true}), as
 * Prometheus scrapes them: each journey moves its counter, and no series carries a member's data.
 */
@ExtendWith(KeycloakServerExtension.class)
class MetricsIT {

    private static final String IMPORT_HEADER = "記号,番号,枝番,続柄,氏名（漢字）,氏名（カナ）,生年月日,従業員番号,資格喪失日\r\n";

    private final KeycloakServer server;

    MetricsIT(KeycloakServer server) {
        this.server = server;
    }

    private String scrape() {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(server.managementUrl() + "/metrics")).timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The value of series {@code name} whose one label is {@code label="value"}; 0 when there is none yet. */
    private static double value(String scraped, String name, String label, String value) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(name) + "\\{([^}]*)} (\\S+)$").matcher(scraped);
        while (m.find()) {
            if (m.group(1).replaceAll(",$", "").equals(label + "=\"" + value + "\"")) {
                return Double.parseDouble(m.group(2));
            }
        }
        return 0;
    }

    private LookupPage lookupForm(Browser browser) {
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        return new LookupPage(browser, browser.get(login.page().document().getElementById("kenpo-lookup-open").absUrl("href")));
    }

    @Test
    void loginLookupThrottleAndImportMoveTheirCounters() {
        String before = scrape();

        // A login with the email key: one key mailed, one accepted.
        String loginId = Members.loginId("met");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, "Kenpo2026ab");
        MemberSession.login(server, loginId, "Kenpo2026ab", email);

        // A lookup that finds nobody, then the same 記号・番号 again past a limit of one per day.
        String symbol = Long.toString(7000 + System.nanoTime() % 1000);
        String number = Long.toString(System.nanoTime() % 10_000_000L);
        LookupPage.Entry nobody = new LookupPage.Entry("", symbol, number, "健保", "誰某", "ケンポ", "ダレソレ",
                "SEIREKI", "1970", "1", "1");
        try (AdminApi.ConfigChange oncePerNumber = server.admin().changeExecutionConfig("kenpo-member-lookup",
                Map.of("kenpo.lookup.perNumberPerDay", "1"))) {
            assertTrue(lookupForm(new Browser()).next(nobody).isEmailForm(), "the same next page whatever was found");
            LookupPage refused = lookupForm(new Browser()).next(nobody);
            assertTrue(refused.isDataForm(), refused.text());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        // A partial import of two rows: one member created, one row rejected (no 番号).
        String importSymbol = "M" + (System.nanoTime() % 100000);
        String csv = IMPORT_HEADER
                + String.join(",", importSymbol, "1", "0", "本人", "健保 太郎", "ケンポ タロウ", "1970/04/01", "", "") + "\r\n"
                + String.join(",", importSymbol, "", "1", "配偶者", "健保 花子", "ケンポ ハナコ", "1970/04/01", "", "") + "\r\n";
        AdminApi.Answer imported = server.admin().postBody("/realms/kenpo/kenpo-member-import?mode=partial", "text/csv",
                csv.getBytes(StandardCharsets.UTF_8), true);
        assertEquals(200, imported.status(), imported.body());
        assertTrue(imported.body().contains("\"summary\""), imported.body());

        String after = scrape();
        for (List<String> series : List.of(
                List.of("kenpo_email_key_mails_total", "outcome", "sent"),
                List.of("kenpo_email_key_answers_total", "outcome", "accepted"),
                List.of("kenpo_lookups_total", "outcome", "none"),
                List.of("kenpo_lookups_total", "outcome", "throttled"),
                List.of("kenpo_throttled_requests_total", "limit", "lookup-number"),
                List.of("kenpo_import_rows_total", "outcome", "created"),
                List.of("kenpo_import_rows_total", "outcome", "rejected"))) {
            double moved = value(after, series.get(0), series.get(1), series.get(2)) - value(before, series.get(0), series.get(1), series.get(2));
            assertTrue(moved >= 1, series + " moved by " + moved + "\n" + kenpoLines(after));
        }
        assertTrue(after.contains("kenpo_mail_queue_pending"), "the queue depth gauge is there");

        // Tags from fixed sets only: no login ID, address, 記号 or IP in any series.
        String kenpo = kenpoLines(after);
        for (String personal : List.of(loginId, email, symbol, importSymbol, "127.0.0.1")) {
            assertFalse(kenpo.contains(personal), personal + " in\n" + kenpo);
        }
    }

    private static String kenpoLines(String scraped) {
        StringBuilder out = new StringBuilder();
        scraped.lines().filter(l -> l.startsWith("kenpo_")).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
