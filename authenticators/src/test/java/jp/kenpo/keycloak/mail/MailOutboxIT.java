package jp.kenpo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.core.type.TypeReference;
import jp.kenpo.keycloak.common.EmailMasker;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.ReissuePage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The mail outbox on a real Keycloak: a mail the mail server refuses waits in the outbox and goes out on a
 * later attempt; one that keeps failing goes dead, admins see it (masked) and retry it; no row shows an address.
 * The mail used is パスワード再発行's (a queued mail that also issues a temporary password when it is sent).
 */
@ExtendWith(KeycloakServerExtension.class)
class MailOutboxIT {

    private static final String OUTBOX = "/realms/" + KeycloakServer.REALM + "/kenpo-mail-outbox";
    private static final String PASSWORD = "Kenpo2026Ab";
    private static final Duration WAIT = Duration.ofSeconds(40);

    private final KeycloakServer server;
    private final Mailbox mailbox;

    MailOutboxIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    private String newMember() {
        String loginId = Members.loginId("obx");
        String email = loginId + "@example.jp";
        server.admin().createMember(loginId, email, PASSWORD);
        return email;
    }

    private void requestReissue(String email) {
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        ReissuePage sent = new ReissuePage(browser, browser.get(login.forgotLink().absUrl("href"))).send(email);
        assertTrue(sent.isSentPage(), sent.text());
    }

    private Map<String, Object> outbox(String state) {
        return server.admin().get(OUTBOX + "?max=500&state=" + state, new TypeReference<>() { });
    }

    /**
     * The reissue mail this test queued (at or after {@code since}): addresses are masked down to their first
     * letters (o***@e***.jp), so the row is told apart by its kind and time; the tests of this class run one at a time.
     */
    @SuppressWarnings("unchecked")
    private Optional<Map<String, Object>> row(String state, long since) {
        List<Map<String, Object>> found = new java.util.ArrayList<>();
        for (int first = 0; ; first += 500) {
            List<Map<String, Object>> page = (List<Map<String, Object>>) server.admin()
                    .get(OUTBOX + "?first=" + first + "&max=500&state=" + state, new TypeReference<Map<String, Object>>() { }).get("mails");
            page.stream().filter(m -> "password-reissue".equals(m.get("kind")) && ((Number) m.get("createdAt")).longValue() >= since)
                    .forEach(found::add);
            if (page.size() < 500) {
                break;
            }
        }
        assertTrue(found.size() <= 1, "one reissue mail queued by this test: " + found);
        return found.stream().findFirst();
    }

    private Map<String, Object> awaitRow(String state, long since) {
        Optional<Map<String, Object>> row = Pause.until(() -> row(state, since), Optional::isPresent, WAIT, Duration.ofMillis(250));
        return row.orElseThrow(() -> new AssertionError("No " + state + " reissue mail since " + since + ": " + outbox(state)));
    }

    @Test
    void aMailTheMailServerRefusesWaitsInTheOutboxAndGoesOutOnALaterAttempt() {
        String email = newMember();
        long since = System.currentTimeMillis();
        Map<String, Object> waiting;
        try (AdminApi.ConfigChange down = server.admin().changeMailServerPort(AdminApi.NO_MAIL_SERVER)) {
            requestReissue(email);
            waiting = Pause.until(() -> row("pending", since),
                    r -> r.isPresent() && ((Number) r.get().get("attempts")).intValue() >= 1, WAIT, Duration.ofMillis(100)).orElseThrow();
            assertTrue(((String) waiting.get("lastError")).startsWith("EmailException"), waiting.toString());
            assertEquals(0, mailbox.count(email));
        }
        Mailbox.Mail mail = mailbox.awaitNext(email, 0);
        assertTrue(mail.subject().contains("パスワード再発行のご案内"), mail.subject());
        Map<String, Object> sent = awaitRow("sent", since);
        assertEquals(waiting.get("id"), sent.get("id"));
        assertTrue(((Number) sent.get("attempts")).intValue() >= 2, "sent on a later attempt: " + sent);
        Pause.millis(2_500);
        assertEquals(1, mailbox.count(email), "sent once");
    }

    @Test
    @SuppressWarnings("unchecked")
    void aMailThatKeepsFailingGoesDeadAndAnAdminRetriesIt() {
        String email = newMember();
        long since = System.currentTimeMillis();
        Map<String, Object> dead;
        try (AdminApi.ConfigChange down = server.admin().changeMailServerPort(AdminApi.NO_MAIL_SERVER)) {
            requestReissue(email);
            dead = awaitRow("dead", since);
            assertEquals(KeycloakServer.MAIL_MAX_ATTEMPTS, ((Number) dead.get("attempts")).intValue());
            assertTrue(((String) dead.get("lastError")).startsWith("EmailException"), dead.toString());
            assertFalse(((String) dead.get("lastError")).contains("@"), "no address in the error");
            assertEquals("password-reissue", dead.get("kind"));
        }
        Map<String, Object> status = outbox("dead");
        assertEquals(1_000, ((Number) status.get("maxPending")).intValue(), "the bound is shown");
        assertEquals(KeycloakServer.MAIL_MAX_ATTEMPTS, ((Number) status.get("maxAttempts")).intValue());
        assertTrue(((Number) ((Map<String, Object>) status.get("counts")).get("dead")).intValue() >= 1, status.toString());

        List<Map<String, Object>> events = server.admin().get("/realms/" + KeycloakServer.REALM
                + "/events?max=1000&type=SEND_RESET_PASSWORD_ERROR", new TypeReference<>() { });
        assertTrue(events.stream().filter(e -> ((Number) e.get("time")).longValue() >= since - 1_000)
                        .anyMatch(e -> "kenpo_mail_dead".equals(e.get("error")) && e.get("details") instanceof Map<?, ?> d
                                && dead.get("id").equals(d.get("kenpo_mail_job")) && EmailMasker.mask(email).equals(d.get("kenpo_masked_email"))),
                "an event tells admins the mail is dead: " + events);

        Pause.millis(2_500);
        assertEquals(0, mailbox.count(email), "a dead mail is not tried again by itself");
        assertEquals(200, server.admin().post(OUTBOX + "/" + dead.get("id") + "/retry").status());
        Mailbox.Mail mail = mailbox.awaitNext(email, 0);
        assertTrue(mail.subject().contains("パスワード再発行のご案内"), mail.subject());
        assertEquals(Optional.empty(), row("dead", since));
        assertEquals(404, server.admin().post(OUTBOX + "/" + dead.get("id") + "/retry").status(), "only a dead mail is retried");
        assertTrue(server.admin().adminEvents().stream().anyMatch(e -> "KENPO_MAIL_OUTBOX".equals(e.get("resourceType"))
                && String.valueOf(e.get("resourcePath")).contains((String) dead.get("id"))), "the retry is an admin event");
    }

    @Test
    void noOutboxRowOrAnswerShowsTheAddressOrTheMail() {
        String email = newMember();
        String localPart = email.substring(0, email.indexOf('@'));
        long since = System.currentTimeMillis();
        try (AdminApi.ConfigChange down = server.admin().changeMailServerPort(AdminApi.NO_MAIL_SERVER)) {
            requestReissue(email);
            Map<String, Object> waiting = awaitRow("pending", since);
            String id = (String) waiting.get("id");
            String answer = server.admin().getAnswer(OUTBOX + "?state=pending&max=500").body();
            assertFalse(answer.contains(localPart), "the admin REST shows addresses masked only");
            Optional<List<String>> rows = server.sql("select * from kenpo_mail_outbox where id = '" + id + "'");
            rows.ifPresent(found -> {
                // PostgreSQL: the row as stored (the dev database cannot be read from outside Keycloak).
                assertEquals(1, found.size(), found.toString());
                String stored = found.get(0);
                assertTrue(stored.contains(EmailMasker.mask(email)), stored);
                assertFalse(stored.contains(localPart), "no address in clear: " + stored);
                assertFalse(stored.contains("\"email\""), "no job in clear: " + stored);
            });
        }
        mailbox.awaitNext(email, 0);
        String id = (String) awaitRow("sent", since).get("id");
        server.sql("select payload from kenpo_mail_outbox where id = '" + id + "'")
                .ifPresent(payloads -> assertEquals(List.of(), payloads, "a sent mail's payload is deleted"));
    }
}
