package jp.kenpo.keycloak.firstlogin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.core.type.TypeReference;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.MemberRegistrationPage;
import jp.kenpo.keycloak.pages.RegistrationCompletePage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.KeycloakServerExtension;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * 空メール registration (manual ①, 手順 B): a member sends an empty mail to the union's registration
 * address (GreenMail, read by the pack over IMAP) and gets 「利用登録手続きのご案内」 back.
 */
@ExtendWith(KeycloakServerExtension.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmptyMailIT {

    private static final String LOGIN_FORM = "kenpo-login-id-password-form";
    private static final String OWN_ADDRESS = "noreply@kenpo.example.jp";
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final KeycloakServer server;
    private final Mailbox mailbox;
    private AdminApi.ConfigChange emptyMailOn;

    EmptyMailIT(KeycloakServer server) {
        this.server = server;
        this.mailbox = server.mailbox();
    }

    private Map<String, String> settings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("kenpo.emptyMail.enabled", "true");
        settings.put("kenpo.emptyMail.address", KeycloakServer.REGISTRATION_ADDRESS);
        settings.put("kenpo.emptyMail.host", "127.0.0.1");
        settings.put("kenpo.emptyMail.port", Integer.toString(server.imapPort()));
        settings.put("kenpo.emptyMail.tls", "false");
        settings.put("kenpo.emptyMail.user", KeycloakServer.REGISTRATION_ADDRESS);
        settings.put("kenpo.emptyMail.password", "${vault." + KeycloakServer.REGISTRATION_VAULT_KEY + "}");
        settings.put("kenpo.emptyMail.intervalSeconds", "1");
        settings.put("kenpo.emptyMail.perAddressPerHour", "3");
        settings.put("kenpo.emptyMail.publicUrl", server.baseUrl());
        return settings;
    }

    @BeforeAll
    void switchOn() {
        emptyMailOn = server.admin().changeExecutionConfig(LOGIN_FORM, settings());
    }

    @AfterAll
    void switchOff() {
        if (emptyMailOn != null) {
            emptyMailOn.close();
        }
    }

    private static String address(String prefix) {
        return Members.loginId(prefix) + "@example.ne.jp";
    }

    /** An empty mail from a phone, through the test's SMTP server (which adds Return-Path from the envelope). */
    private void sendEmptyMail(String from, Map<String, String> headers) {
        try {
            Properties properties = new Properties();
            properties.setProperty("mail.smtp.host", "127.0.0.1");
            properties.setProperty("mail.smtp.port", Integer.toString(server.smtpPort()));
            Session session = Session.getInstance(properties);
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, KeycloakServer.REGISTRATION_ADDRESS);
            message.setSubject("");
            message.setText("");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            Transport.send(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A mail placed straight into the registration mailbox, with the headers as given (e.g. a bounce's Return-Path: <>). */
    private void deliver(String from, Map<String, String> headers) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, KeycloakServer.REGISTRATION_ADDRESS);
            message.setSubject("Undelivered Mail Returned to Sender");
            message.setText("This is the mail system.");
            for (Map.Entry<String, String> header : headers.entrySet()) {
                message.setHeader(header.getKey(), header.getValue());
            }
            message.saveChanges();
            GreenMailUser user = server.greenMail().getUserManager().getUserByEmail(KeycloakServer.REGISTRATION_ADDRESS);
            user.deliver(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> status() {
        return server.admin().get("/realms/" + KeycloakServer.REALM + "/kenpo-empty-mail/status", new TypeReference<>() { });
    }

    /** Waits until the mailbox was read {@code polls} more times with this outcome. */
    private Map<String, Object> awaitPolls(int polls, String outcome) {
        long start = ((Number) status().getOrDefault("lastPollAt", 0)).longValue();
        return Pause.until(this::status,
                s -> outcome.equals(s.get("outcome")) && s.get("lastPollAt") != null
                        && ((Number) s.get("lastPollAt")).longValue() >= start + polls,
                WAIT, Duration.ofMillis(200));
    }

    /** Events of the 空メール route since {@code since} (ms), newest first. */
    private List<Map<String, Object>> events(String type, long since) {
        List<Map<String, Object>> events = server.admin().get("/realms/" + KeycloakServer.REALM + "/events?max=1000&type=" + type,
                new TypeReference<>() { });
        return events.stream().filter(e -> ((Number) e.get("time")).longValue() >= since)
                .filter(e -> e.get("details") instanceof Map<?, ?> d && d.containsKey("kenpo_empty_mail")).toList();
    }

    @SuppressWarnings("unchecked")
    private static String detail(Map<String, Object> event, String name) {
        return (String) ((Map<String, Object>) event.get("details")).get(name);
    }

    @Test
    void anEmptyMailGetsExactlyOneReplyWhoseLinkLeadsThroughRegistration() {
        String loginId = Members.preIssuedId();
        String temporary = Members.temporaryPassword();
        String userId = server.admin().createPreIssuedMember(loginId, temporary);
        String phone = address("phone");
        long since = System.currentTimeMillis();

        sendEmptyMail(phone, Map.of());
        Mailbox.Mail reply = mailbox.awaitNext(phone, 0);
        assertTrue(reply.subject().contains("利用登録手続きのご案内"), reply.subject());
        assertTrue(reply.subject().contains("サンプル健康保険組合"), reply.subject());
        assertTrue(reply.text().contains("※このURLの有効期限は24時間です。"), reply.text());
        assertTrue(reply.link().startsWith(server.realmUrl() + "/kenpo-registration/start?key="), reply.link());

        // Answered once: later polls see nothing new (the mail was moved away).
        awaitPolls(3, "ok");
        assertEquals(1, mailbox.count(phone));
        List<Map<String, Object>> answered = Pause.until(() -> events("SEND_VERIFY_EMAIL", since),
                e -> e.stream().anyMatch(x -> "answered".equals(detail(x, "kenpo_empty_mail"))));
        assertTrue(answered.stream().anyMatch(e -> "received".equals(detail(e, "kenpo_empty_mail"))));
        assertTrue(answered.stream().allMatch(e -> !String.valueOf(detail(e, "kenpo_masked_email")).contains(phone)),
                "addresses are masked");

        // The link (after its button) opens 新規利用登録, then 利用者情報入力 with the address, then 利用者情報登録完了.
        Browser browser = new Browser();
        // The link first shows a button (so that mail scanners use nothing up), as for the web form's mail.
        LoginPage firstLogin = new LoginPage(browser, browser.submit(browser.get(reply.link()), "kenpo-registration-open-form", Map.of()));
        assertEquals("新規利用登録", firstLogin.title());
        MemberRegistrationPage registration = new MemberRegistrationPage(browser, firstLogin.submit(loginId, temporary));
        assertEquals(phone, registration.value("email"), "the address the empty mail came from is prefilled");
        RegistrationCompletePage done = new RegistrationCompletePage(browser,
                registration.submit(Members.loginId("kara"), "Kenpo2026Ab", "Kenpo2026Ab", phone, ""));
        assertEquals("利用者情報登録完了", done.title());
        Map<String, Object> user = server.admin().user(userId);
        assertEquals(phone, user.get("email"));
        assertEquals(Boolean.FALSE, user.get("emailVerified"), "a forged sender proves nothing: the first email key verifies the address");
    }

    @Test
    void bouncesAutoRepliesAndThePacksOwnMailGetNoReply() {
        long since = System.currentTimeMillis();
        String bounce = "MAILER-DAEMON@mx.example.ne.jp";
        String away = address("away");
        deliver(bounce, Map.of("Return-Path", "<>"));
        sendEmptyMail(away, Map.of("Auto-Submitted", "auto-replied"));
        sendEmptyMail(OWN_ADDRESS, Map.of());

        List<Map<String, Object>> ignored = Pause.until(() -> events("SEND_VERIFY_EMAIL_ERROR", since),
                e -> e.stream().filter(x -> "ignored".equals(detail(x, "kenpo_empty_mail"))).count() >= 3, WAIT, Duration.ofMillis(200));
        List<String> reasons = ignored.stream().filter(x -> "ignored".equals(detail(x, "kenpo_empty_mail")))
                .map(x -> detail(x, "kenpo_empty_mail_reason")).toList();
        assertTrue(reasons.contains("null_return_path"), reasons.toString());
        assertTrue(reasons.contains("auto_submitted"), reasons.toString());
        assertTrue(reasons.contains("own_address"), reasons.toString());
        awaitPolls(2, "ok");
        assertEquals(0, mailbox.count(bounce));
        assertEquals(0, mailbox.count(away));
        assertEquals(0, mailbox.count(OWN_ADDRESS));
    }

    @Test
    void aBurstFromOneAddressIsThrottled() {
        long since = System.currentTimeMillis();
        String sender = address("burst");
        for (int i = 0; i < 5; i++) {
            sendEmptyMail(sender, Map.of());
        }
        List<Map<String, Object>> throttled = Pause.until(() -> events("SEND_VERIFY_EMAIL_ERROR", since),
                e -> e.stream().filter(x -> "throttled".equals(detail(x, "kenpo_empty_mail"))).count() >= 2, WAIT, Duration.ofMillis(200));
        assertEquals(2, throttled.stream().filter(x -> "throttled".equals(detail(x, "kenpo_empty_mail"))).count());
        assertTrue(throttled.stream().anyMatch(x -> "kenpo_empty_mail_throttled".equals(x.get("error"))));
        Pause.until(() -> mailbox.count(sender), n -> n >= 3, WAIT, Duration.ofMillis(200));
        awaitPolls(2, "ok");
        assertEquals(3, mailbox.count(sender), "3 replies per address and hour");
    }

    @Test
    void anUnreachableMailboxIsLoggedAndRetriedWithoutBreakingLogins() throws IOException {
        String sender = address("retry");
        try (AdminApi.ConfigChange down = server.admin().changeExecutionConfig(LOGIN_FORM,
                Map.of("kenpo.emptyMail.port", Integer.toString(AdminApi.NO_MAIL_SERVER)))) {
            Map<String, Object> status = awaitPolls(1, "unreachable");
            assertEquals("unreachable", status.get("outcome"));
            String line = "Empty-mail registration mailbox of realm kenpo cannot be reached";
            String log = Pause.until(this::log, l -> l.contains(line), WAIT, Duration.ofMillis(200));
            assertTrue(log.contains(line), "a clear WARN line");
            assertFalse(log.contains("Kc-mailbox-it-2026"), "never the password");
            sendEmptyMail(sender, Map.of());
            // Logins go on while the mailbox is down.
            Browser browser = new Browser();
            LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
            assertEquals(200, login.page().status());
        }
        // Retried at the next interval: the waiting mail is answered.
        assertNotNull(mailbox.awaitNext(sender, 0));
        assertEquals("ok", awaitPolls(1, "ok").get("outcome"));
    }

    @Test
    void theQrCodeOnTheFirstLoginScreenOpensAMailToTheRegistrationAddress() throws Exception {
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(server.realmUrl(), null).url()));
        assertNull(login.emptyMailQr(), "not on the ログイン screen");
        LoginPage firstLogin = login.openFirstLogin();
        assertEquals(KeycloakServer.REGISTRATION_ADDRESS, firstLogin.emptyMailAddress());
        String src = firstLogin.emptyMailQr().attr("src");
        assertTrue(src.startsWith("data:image/png;base64,"), src);
        assertTrue(firstLogin.emptyMailQr().attr("alt").contains(KeycloakServer.REGISTRATION_ADDRESS));
        assertEquals("mailto:" + KeycloakServer.REGISTRATION_ADDRESS, decode(src));
    }

    private String log() {
        try {
            return new String(Files.readAllBytes(server.log()), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String dataUri) throws Exception {
        byte[] png = Base64.getDecoder().decode(dataUri.substring(dataUri.indexOf(',') + 1));
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        RGBLuminanceSource source = new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels);
        return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source))).getText();
    }
}
