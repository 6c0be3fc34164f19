package jp.kenpo.keycloak.cluster;

import static jp.kenpo.keycloak.testing.KeycloakCluster.NODE_A;
import static jp.kenpo.keycloak.testing.KeycloakCluster.NODE_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.type.TypeReference;
import com.icegreen.greenmail.user.GreenMailUser;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jp.kenpo.keycloak.emailkey.EmailKeyConfig;
import jp.kenpo.keycloak.pages.EmailKeyPage;
import jp.kenpo.keycloak.pages.LoginPage;
import jp.kenpo.keycloak.pages.LookupPage;
import jp.kenpo.keycloak.pages.PasswordChangePage;
import jp.kenpo.keycloak.pages.RegistrationEmailPage;
import jp.kenpo.keycloak.pages.ReissuePage;
import jp.kenpo.keycloak.testing.AdminApi;
import jp.kenpo.keycloak.testing.Household;
import jp.kenpo.keycloak.testing.KeycloakCluster;
import jp.kenpo.keycloak.testing.KeycloakClusterExtension;
import jp.kenpo.keycloak.testing.KeycloakServer;
import jp.kenpo.keycloak.testing.Mailbox;
import jp.kenpo.keycloak.testing.Members;
import jp.kenpo.keycloak.testing.Pause;
import jp.kenpo.keycloak.testsupport.Browser;
import jp.kenpo.keycloak.testsupport.Oidc;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pack on two Keycloak nodes in production mode behind HAProxy (round robin, no stickiness, one hostname), as
 * {@code docs/cluster.md} describes: every one-time thing made on one node is used, refused or counted on the other,
 * throttles count across nodes, and a node's loss or a restart of both loses nothing the pack keeps durably. Each
 * step runs on the other node than the step before ({@link ClusterSteps}), and says which.
 */
@ExtendWith(KeycloakClusterExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodeClusterIT {

    private static final String PASSWORD = "Kenpo2026Ab";
    private static final String NEW_PASSWORD = "Kenpo2027Cd";
    private static final Pattern TEMPORARY = Pattern.compile("ログインID：(\\S+)\\s+仮パスワード：(\\S+)");

    private final KeycloakCluster cluster;
    private final Mailbox mailbox;
    private final ClusterSteps steps;

    TwoNodeClusterIT(KeycloakCluster cluster) {
        this.cluster = cluster;
        this.mailbox = cluster.mailbox();
        this.steps = new ClusterSteps(cluster);
    }

    private record Member(String id, String loginId, String email) {
    }

    /** Every test starts with both nodes up (a failed node-loss test must not take the next test's node with it). */
    @BeforeEach
    void bothNodesUp() throws Exception {
        for (KeycloakCluster.Node node : cluster.nodes()) {
            if (!node.isRunning()) {
                node.restart();
            }
        }
    }

    private Member newMember(String prefix) {
        String loginId = Members.loginId(prefix);
        String email = loginId + "@example.jp";
        return new Member(cluster.admin().createMember(loginId, email, PASSWORD), loginId, email);
    }

    /** The login screen (on whichever node), then ID and password on {@code node}: the 暗証キー screen that node mailed. */
    private EmailKeyPage startLogin(Browser browser, Member member, String node) {
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(cluster.realmUrl(), null).url()));
        return steps.on(node, browser, () -> new EmailKeyPage(browser, login.submit(member.loginId(), PASSWORD)));
    }

    private static String otherThan(String key) {
        return key.equals("0000000000") ? "1111111111" : "0000000000";
    }

    @Test
    @Order(1)
    void anEmailKeyMailedByOneNodeLogsInOnTheOther() {
        Member member = newMember("clkey");
        Browser browser = new Browser();
        EmailKeyPage keyPage = startLogin(browser, member, NODE_A);
        String key = mailbox.awaitKey(member.email(), 0);
        Browser.Page portal = steps.on(NODE_B, browser, () -> keyPage.submit(key));
        assertTrue(portal.isPortalRedirect(), "the key mailed by node a logs in on node b: " + portal.uri());
    }

    @Test
    @Order(2)
    void aResendOnTheOtherNodeKillsTheFirstNodesKey() {
        Member member = newMember("clresend");
        try (AdminApi.ConfigChange noWait = cluster.admin().changeExecutionConfig("kenpo-email-key",
                Map.of(EmailKeyConfig.RESEND_INTERVAL_SECONDS, "0"))) {
            Browser browser = new Browser();
            EmailKeyPage keyPage = startLogin(browser, member, NODE_A);
            String keyOfA = mailbox.awaitKey(member.email(), 0);
            EmailKeyPage resent = steps.on(NODE_B, browser, keyPage::resend);
            assertEquals("新しい暗証キーを送信しました。前にお送りした暗証キーは使えません。", resent.message());
            String keyOfB = mailbox.awaitKey(member.email(), 1);
            assertNotEquals(keyOfA, keyOfB);

            EmailKeyPage refused = steps.on(NODE_A, browser, () -> new EmailKeyPage(browser, resent.submit(keyOfA)));
            assertTrue(refused.fieldError().startsWith("暗証キーが正しくありません。"), "node a's own key is dead: " + refused.fieldError());
            Browser.Page portal = steps.on(NODE_B, browser, () -> refused.submit(keyOfB));
            assertTrue(portal.isPortalRedirect(), portal.uri().toString());
        }
        cluster.admin().clearBruteForce(member.id());
    }

    @Test
    @Order(3)
    void wrongKeysOnBothNodesCountTogetherTowardTheFiveTriesAndTheLockout() {
        Member member = newMember("cltries");
        Browser browser = new Browser();
        EmailKeyPage page = startLogin(browser, member, NODE_A);
        String key = mailbox.awaitKey(member.email(), 0);
        String node = NODE_A;
        for (int i = 1; i <= 4; i++) {
            node = KeycloakCluster.other(node);
            EmailKeyPage current = page;
            page = steps.on(node, browser, () -> new EmailKeyPage(browser, current.submit(otherThan(key))));
            assertEquals("暗証キーが正しくありません。あと" + (5 - i) + "回入力できます。", page.fieldError(), "try " + i + " on node " + node);
            Pause.pastQuickLoginCheck();
        }
        EmailKeyPage fourth = page;
        page = steps.on(NODE_A, browser, () -> new EmailKeyPage(browser, fourth.submit(otherThan(key))));
        assertTrue(page.fieldError().startsWith("暗証キーを5回まちがえたため"), page.fieldError());
        Pause.pastQuickLoginCheck();
        EmailKeyPage fifth = page;
        Browser.Page sixth = steps.on(NODE_B, browser, () -> fifth.submit(key));
        assertFalse(sixth.isPortalRedirect(), "the right key is dead after five wrong ones on two nodes");
        assertTrue(new EmailKeyPage(browser, sixth).fieldError().contains("暗証キー再請求"));
        assertEquals(6, cluster.node(NODE_A).admin().awaitBruteForceFailures(member.id(), 6), "node a counts every failure");
        assertEquals(6, cluster.node(NODE_B).admin().awaitBruteForceFailures(member.id(), 6), "node b counts every failure");

        // Four more in a new attempt reach the realm's 10 failures: the account is locked on both nodes.
        Pause.pastQuickLoginCheck();
        Browser next = new Browser();
        EmailKeyPage again = startLogin(next, member, NODE_B);
        String nextKey = mailbox.awaitKey(member.email(), 1);
        node = NODE_B;
        for (int i = 0; i < 4; i++) {
            node = KeycloakCluster.other(node);
            EmailKeyPage current = again;
            again = steps.on(node, next, () -> new EmailKeyPage(next, current.submit(otherThan(nextKey))));
            Pause.pastQuickLoginCheck();
        }
        for (KeycloakCluster.Node n : cluster.nodes()) {
            assertEquals(10, n.admin().awaitBruteForceFailures(member.id(), 10));
            assertEquals(Boolean.TRUE, n.admin().bruteForceStatus(member.id()).get("disabled"), "locked as seen by node " + n.name());
        }
        // Even the right password no longer reaches the 暗証キー step, on either node.
        for (String n : List.of(NODE_A, NODE_B)) {
            Browser locked = new Browser();
            LoginPage login = new LoginPage(locked, locked.get(Oidc.authorization(cluster.realmUrl(), null).url()));
            Browser.Page refused = steps.on(n, locked, () -> login.submit(member.loginId(), PASSWORD));
            assertFalse(refused.isPortalRedirect());
            assertEquals(null, refused.document().getElementById("kc-email-key-form"), "locked on node " + n);
        }
        cluster.admin().clearBruteForce(member.id());
    }

    private static Map<String, String> temporaryPasswords(Mailbox.Mail mail) {
        Map<String, String> found = new HashMap<>();
        Matcher m = TEMPORARY.matcher(mail.text());
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

    /** パスワード再発行 for {@code email}, sent on {@code node}; the page after 送信. */
    private ReissuePage reissue(String email, String node) {
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(cluster.realmUrl(), null).url()));
        ReissuePage form = new ReissuePage(browser, browser.get(login.forgotLink().absUrl("href")));
        return steps.on(node, browser, () -> form.send(email));
    }

    @Test
    @Order(4)
    void aTemporaryPasswordIssuedByOneNodeWorksOnTheOtherAndOnlyOnce() {
        Member member = newMember("cltmp");
        assertTrue(reissue(member.email(), NODE_A).isSentPage());
        Mailbox.Mail mail = mailbox.awaitNext(member.email(), 0);
        String temporary = temporaryPasswords(mail).get(member.loginId());

        Browser browser = new Browser();
        LoginPage temporaryLogin = steps.on(NODE_B, browser, () -> new LoginPage(browser, browser.get(mail.link())));
        assertEquals("仮ログイン", temporaryLogin.title());
        PasswordChangePage change = steps.on(NODE_A, browser,
                () -> new PasswordChangePage(browser, temporaryLogin.submit(member.loginId(), temporary)));
        // The mail's link opened in a new browser belongs to no portal's login: the member lands, logged in, in the
        // account console (an authorization code for it in the address).
        Browser.Page loggedIn = steps.on(NODE_B, browser, () -> change.submit(NEW_PASSWORD, NEW_PASSWORD));
        Browser.Hop last = browser.lastHops().get(browser.lastHops().size() - 1);
        assertTrue(last.uri().toString().startsWith(cluster.realmUrl() + "/account") && last.uri().getQuery().contains("code="),
                "the new password is set and the member logged in: " + last.uri());
        assertEquals(200, loggedIn.status());

        // Used once: refused on either node afterwards.
        for (String node : List.of(NODE_A, NODE_B)) {
            Pause.pastQuickLoginCheck();
            Browser later = new Browser();
            LoginPage form = new LoginPage(later, later.get(mail.link()));
            LoginPage refused = steps.on(node, later, () -> new LoginPage(later, form.submit(member.loginId(), temporary)));
            assertTrue(refused.fieldError().startsWith("ログインIDまたは仮パスワードが正しくないか"), node + ": " + refused.fieldError());
        }
        cluster.admin().clearBruteForce(member.id());
    }

    /** Runs both at the same instant; answers both results. */
    private static <T> List<T> atOnce(List<Supplier<T>> uses) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(uses.size());
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Supplier<T> use : uses) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return use.get();
                }));
            }
            start.countDown();
            List<T> results = new ArrayList<>();
            for (Future<T> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A registration-start mail (登録手続きのご案内) for a new address; answers its link. */
    private String registrationStartLink() {
        String email = Members.loginId("clstart") + "@example.jp";
        Browser browser = new Browser();
        LoginPage firstLogin = new LoginPage(browser, browser.get(cluster.realmUrl() + "/kenpo-start/first-login"));
        RegistrationEmailPage form = firstLogin.openRegisterByEmail();
        assertTrue(form.send(email).isSentPage());
        return mailbox.awaitNext(email, 0).link();
    }

    @Test
    @Order(5)
    void aRegistrationStartLinkUsedOnOneNodeIsRefusedOnTheOtherAlsoAtTheSameInstant() throws Exception {
        String link = registrationStartLink();
        Browser browser = new Browser();
        Document opened = steps.on(NODE_A, browser, () -> browser.get(link)).document();
        String action = opened.getElementById("kenpo-registration-open-form").absUrl("action");
        String key = opened.selectFirst("#kenpo-registration-open-form input[name=key]").val();
        Browser.Page used = steps.on(NODE_B, browser, () -> browser.post(action, Map.of("key", key)));
        assertTrue(used.document().getElementById("kc-form-login") != null, "node b opens the link: " + used.document().text());
        Browser replay = new Browser();
        Browser.Page refused = steps.on(NODE_A, replay, () -> replay.post(action, Map.of("key", key)));
        assertEquals(400, refused.status(), "node a refuses the link node b used");
        assertEquals(null, refused.document().getElementById("kc-form-login"));

        // A second link pressed twice at the same instant: one request reaches each node, at most one opens it.
        String second = registrationStartLink();
        Document page = new Browser().get(second).document();
        String secondAction = page.getElementById("kenpo-registration-open-form").absUrl("action");
        String secondKey = page.selectFirst("#kenpo-registration-open-form input[name=key]").val();
        Browser one = new Browser();
        Browser two = new Browser();
        List<String> nodes = new ArrayList<>();
        List<Browser.Page> answers = atOnce(List.of(
                () -> one.post(secondAction, Map.of("key", secondKey)),
                () -> two.post(secondAction, Map.of("key", secondKey))));
        nodes.add(ClusterSteps.servedBy(one));
        nodes.add(ClusterSteps.servedBy(two));
        assertEquals(2, new HashSet<>(nodes).size(), "one request on each node: " + nodes);
        answers.forEach(a -> assertTrue(a.status() < 500, a.status() + " " + a.body()));
        assertEquals(1, answers.stream().filter(a -> a.document().getElementById("kc-form-login") != null).count(),
                "exactly one of the two nodes opens the link");
    }

    /** A lookup (ID・パスワードの取得) of a spouse aged 40+ mailed to a new address; answers the mail's link. */
    private String lookupLink() {
        String address = Members.loginId("clrecv") + "@example.jp";
        Browser browser = new Browser();
        assertTrue(lookupRequest(browser, address).send(address).isSentPage());
        return mailbox.awaitNext(address, 0).link();
    }

    /** A lookup of a new household's spouse through the screens up to the address form (送信 is the caller's step). */
    private LookupPage lookupRequest(Browser browser, String address) {
        Household h = Household.create(cluster.admin());
        h.dependent(cluster.admin(), "01", "spouse", "花子", "ハナコ", LocalDate.of(1972, 8, 15));
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(cluster.realmUrl(), null).url()));
        LookupPage form = new LookupPage(browser, browser.get(login.page().document().getElementById("kenpo-lookup-open").absUrl("href")));
        LookupPage email = form.next(new LookupPage.Entry("", h.symbol(), h.number(), "健保", "花子", "ケンポ", "ハナコ",
                "SEIREKI", "1972", "8", "15"));
        assertTrue(email.isEmailForm(), email.text());
        return email;
    }

    private static boolean showsPassword(Browser.Page page) {
        return page.document().getElementById("kenpo-lookup-temporary-password") != null;
    }

    @Test
    @Order(6)
    void aLookupLinkRevealedOnOneNodeIsRefusedOnTheOtherAlsoAtTheSameInstant() throws Exception {
        try (AdminApi.ConfigChange immediate = cluster.admin().changeExecutionConfig("kenpo-member-lookup",
                Map.of("kenpo.lookup.delivery", "immediate"))) {
            String link = lookupLink();
            Browser browser = new Browser();
            Document reveal = steps.on(NODE_A, browser, () -> browser.get(link)).document();
            String action = reveal.getElementById("kenpo-lookup-reveal-form").absUrl("action");
            String key = reveal.selectFirst("input[name=key]").val();
            Browser.Page shown = steps.on(NODE_B, browser, () -> browser.post(action, Map.of("key", key)));
            assertTrue(showsPassword(shown), "node b reveals: " + shown.document().text());
            Browser replay = new Browser();
            Browser.Page refused = steps.on(NODE_A, replay, () -> replay.post(action, Map.of("key", key)));
            assertTrue(refused.status() < 500);
            assertFalse(showsPassword(refused), "node a refuses the link node b used");

            String second = lookupLink();
            Document page = new Browser().get(second).document();
            String secondAction = page.getElementById("kenpo-lookup-reveal-form").absUrl("action");
            String secondKey = page.selectFirst("input[name=key]").val();
            Browser one = new Browser();
            Browser two = new Browser();
            List<Browser.Page> answers = atOnce(List.of(
                    () -> one.post(secondAction, Map.of("key", secondKey)),
                    () -> two.post(secondAction, Map.of("key", secondKey))));
            assertNotEquals(ClusterSteps.servedBy(one), ClusterSteps.servedBy(two), "one request on each node");
            answers.forEach(a -> assertTrue(a.status() < 500, a.status() + " " + a.body()));
            assertEquals(1, answers.stream().filter(TwoNodeClusterIT::showsPassword).count(),
                    "exactly one of the two nodes shows the password");
        }
    }

    @Test
    @Order(7)
    void aBurstSplitOverBothNodesStaysWithinThePerAddressLimit() {
        Member member = newMember("clburst");
        List<ReissuePage> answers = new ArrayList<>();
        String node = NODE_A;
        for (int i = 0; i < 6; i++) {
            answers.add(reissue(member.email(), node));
            node = KeycloakCluster.other(node);
        }
        long accepted = answers.stream().filter(ReissuePage::isSentPage).count();
        long throttled = answers.stream().filter(a -> a.isForm() && a.message().startsWith("短い時間に何度も送信されたため")).count();
        assertEquals(3, accepted, "three a node would not be three in all");
        assertEquals(3, throttled);
        assertTrue(answers.subList(0, 3).stream().allMatch(ReissuePage::isSentPage), "the first three (a, b, a) pass");
        mailbox.awaitNext(member.email(), 2);
    }

    /** A postal request (郵送依頼) through the screens on {@code node}; answers the page after 送信. */
    private Document postalRequest(String family, String node) {
        Browser browser = new Browser();
        LoginPage login = new LoginPage(browser, browser.get(Oidc.authorization(cluster.realmUrl(), null).url()));
        LookupPage lookup = new LookupPage(browser, browser.get(login.page().document().getElementById("kenpo-lookup-open").absUrl("href")));
        Document postal = browser.post(lookup.page().document().getElementById("kenpo-postal-open-form").absUrl("action"),
                Map.of("kenpoPostal", "1")).document();
        String number = Long.toString(System.nanoTime() % 10_000_000L);
        Map<String, String> typed = new HashMap<>(Map.of("familyName", family, "givenName", "太郎", "familyKana", "ユウソウ",
                "givenKana", "タロウ", "symbol", "4321", "number", number, "phone", "09012345678", "category", "idpassword",
                "message", "", "postalCode", "1234567"));
        typed.put("address", "東京都千代田区1-2-3");
        typed.put("kenpoPostalConfirm", "");
        Document confirm = browser.post(postal.getElementById("kenpo-postal-form").absUrl("action"), typed).document();
        return steps.on(node, browser, () -> browser.post(confirm.getElementById("kenpo-postal-submit-form").absUrl("action"),
                Map.of("kenpoPostalSubmit", "1"))).document();
    }

    private boolean postalRequestListed(AdminApi admin, String family) {
        List<Map<String, Object>> open = admin.get("/realms/kenpo/kenpo-postal-requests?status=open&max=1000", new TypeReference<>() { });
        return open.stream().anyMatch(r -> (family + " 太郎").equals(r.get("name")));
    }

    /** Waits (bounded, for the outbox's lease and back-off) until {@code address} has more than {@code seen} mails. */
    private Mailbox.Mail awaitMail(String address, int seen) {
        List<Mailbox.Mail> mails = Pause.until(() -> mailbox.to(address), m -> m.size() > seen, Duration.ofMinutes(3), Duration.ofMillis(500));
        assertTrue(mails.size() > seen, "no mail to " + address + " (had " + seen + ")");
        return mails.get(mails.size() - 1);
    }

    /** 空メール intake on for the realm, as EmptyMailIT sets it: GreenMail's IMAP, the vault's password, every second. */
    private Map<String, String> emptyMailSettings() {
        Map<String, String> settings = new HashMap<>();
        settings.put("kenpo.emptyMail.enabled", "true");
        settings.put("kenpo.emptyMail.address", KeycloakServer.REGISTRATION_ADDRESS);
        settings.put("kenpo.emptyMail.host", "127.0.0.1");
        settings.put("kenpo.emptyMail.port", Integer.toString(cluster.imapPort()));
        settings.put("kenpo.emptyMail.tls", "false");
        settings.put("kenpo.emptyMail.user", KeycloakServer.REGISTRATION_ADDRESS);
        settings.put("kenpo.emptyMail.password", "${vault." + KeycloakServer.REGISTRATION_VAULT_KEY + "}");
        settings.put("kenpo.emptyMail.intervalSeconds", "1");
        settings.put("kenpo.emptyMail.publicUrl", cluster.baseUrl());
        return settings;
    }

    /** An empty mail from a phone, placed straight into the registration mailbox (with its Return-Path). */
    private void deliverEmptyMail(String from) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress(from));
            message.setRecipients(Message.RecipientType.TO, KeycloakServer.REGISTRATION_ADDRESS);
            message.setHeader("Return-Path", "<" + from + ">");
            message.setSubject("");
            message.setText("");
            message.saveChanges();
            GreenMailUser user = cluster.greenMail().getUserManager().getUserByEmail(KeycloakServer.REGISTRATION_ADDRESS);
            user.deliver(message);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** How many mails the registration mailbox's folder holds (read over IMAP, as the nodes read it). */
    private int mailsIn(String folderName) {
        Store store = null;
        try {
            store = Session.getInstance(new Properties()).getStore("imap");
            store.connect("127.0.0.1", cluster.imapPort(), KeycloakServer.REGISTRATION_ADDRESS, KeycloakCluster.registrationPassword());
            Folder folder = store.getFolder(folderName);
            return folder.exists() ? folder.getMessageCount() : 0;
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        } finally {
            if (store != null) {
                try {
                    store.close();
                } catch (MessagingException ignored) {
                    // closing
                }
            }
        }
    }

    private static final String POLLED = "Empty-mail registration mailbox of realm kenpo polled:";
    private static final Pattern ANSWERED = Pattern.compile(Pattern.quote(POLLED) + " received (\\d+), answered (\\d+)");

    /** The part of a node's log written since {@code from} characters. */
    private static String logSince(KeycloakCluster.Node node, int from) {
        try {
            String log = new String(Files.readAllBytes(node.log()), StandardCharsets.ISO_8859_1);
            return log.substring(Math.min(from, log.length()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int logLength(KeycloakCluster.Node node) {
        return logSince(node, 0).length();
    }

    private static long count(String text, String what) {
        return Pattern.compile(Pattern.quote(what)).matcher(text).results().count();
    }

    /** The replies the node's polls answered (sum of "answered N" of its poll lines). */
    private static int answeredIn(String log) {
        Matcher m = ANSWERED.matcher(log);
        int answered = 0;
        while (m.find()) {
            answered += Integer.parseInt(m.group(2));
        }
        return answered;
    }

    /** Polls logged by all nodes since the given log lengths (by node name). */
    private long pollsSince(Map<String, Integer> since) {
        long polls = 0;
        for (KeycloakCluster.Node node : cluster.nodes()) {
            polls += count(logSince(node, since.get(node.name())), POLLED);
        }
        return polls;
    }

    @Test
    @Order(50)
    void eachEmptyMailIsAnsweredOnceClusterWideAndNotAgainAfterARestart() throws Exception {
        List<String> senders = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            senders.add(Members.loginId("clkara" + i) + "@example.ne.jp");
        }
        Map<String, Integer> logStart = new HashMap<>();
        cluster.nodes().forEach(n -> logStart.put(n.name(), logLength(n)));
        // Switched on (and off again) through node b, which stays up while node a restarts below.
        AdminApi admin = cluster.node(NODE_B).admin();
        try (AdminApi.ConfigChange on = admin.changeExecutionConfig("kenpo-login-id-password-form", emptyMailSettings())) {
            // The cluster polls the mailbox: each node's timer ticks, and whichever node takes the tick first polls
            // (one node per tick). Which node that is depends on how the two timers happen to be phased, so each
            // node is shown to poll where it is the only one up (node b below, while node a restarts).
            long polls = Pause.until(() -> pollsSince(logStart), c -> c >= 2, Duration.ofMinutes(2), Duration.ofMillis(500));
            assertTrue(polls >= 2, "the cluster polls the mailbox (" + polls + " polls)");
            senders.forEach(this::deliverEmptyMail);
            for (String sender : senders) {
                Mailbox.Mail reply = awaitMail(sender, 0);
                assertTrue(reply.subject().contains("利用登録手続きのご案内"), reply.subject());
            }
            // The cluster goes on polling several times after the replies: nobody answers a mail again.
            Map<String, Integer> afterReplies = new HashMap<>();
            cluster.nodes().forEach(n -> afterReplies.put(n.name(), logLength(n)));
            long pollsAfter = Pause.until(() -> pollsSince(afterReplies), c -> c >= 3, Duration.ofMinutes(2), Duration.ofMillis(500));
            assertTrue(pollsAfter >= 3, "the cluster polled " + pollsAfter + " times after the replies");
            Pause.until(() -> mailbox.count(senders.get(0)), n -> n > 1, Duration.ofSeconds(10), Duration.ofSeconds(1));
            for (String sender : senders) {
                assertEquals(1, mailbox.count(sender), "exactly one reply to " + sender);
            }
            int answeredByA = answeredIn(logSince(cluster.node(NODE_A), logStart.get(NODE_A)));
            int answeredByB = answeredIn(logSince(cluster.node(NODE_B), logStart.get(NODE_B)));
            assertEquals(senders.size(), answeredByA + answeredByB,
                    "the nodes' polls answered each mail once in all (a: " + answeredByA + ", b: " + answeredByB + ")");
            assertEquals(0, mailsIn("INBOX"), "the answered mails left the inbox");
            assertEquals(senders.size(), mailsIn("kenpo-processed"), "they were moved to the processed folder");

            // A restart of node a (graceful, as a union's restart): node b polls alone meanwhile, then the cluster
            // polls on with node a back, and nothing is answered twice.
            KeycloakCluster.Node a = cluster.node(NODE_A);
            KeycloakCluster.Node b = cluster.node(NODE_B);
            a.stop();
            int aloneSince = logLength(b);
            long pollsOfB = Pause.until(() -> count(logSince(b, aloneSince), POLLED), c -> c >= 2, Duration.ofMinutes(2), Duration.ofMillis(500));
            assertTrue(pollsOfB >= 2, "node b polls while node a is down (" + pollsOfB + " polls)");
            a.restart();
            Map<String, Integer> restarted = new HashMap<>();
            cluster.nodes().forEach(n -> restarted.put(n.name(), logLength(n)));
            long pollsBack = Pause.until(() -> pollsSince(restarted), c -> c >= 3, Duration.ofMinutes(2), Duration.ofMillis(500));
            assertTrue(pollsBack >= 3, "the cluster polls on after node a's restart (" + pollsBack + " polls)");
            for (String sender : senders) {
                assertEquals(1, mailbox.count(sender), "still one reply to " + sender + " after node a's restart");
            }
        }
    }

    @Test
    @Order(100)
    void aNodeKilledWithWorkInFlightLosesNoLoginNoRequestAndNoMailAndRejoins() throws Exception {
        Member member = newMember("clloss");
        Member forgot = newMember("cldead");
        String lookupAddress = Members.loginId("cldeadlk") + "@example.jp";
        String family = "生存" + Members.loginId("p").substring(2, 6);
        KeycloakCluster.Node a = cluster.node(NODE_A);
        // Settings changed through node b, the survivor, which undoes them after node a is gone.
        AdminApi survivor = cluster.node(NODE_B).admin();
        try (AdminApi.ConfigChange immediate = survivor.changeExecutionConfig("kenpo-member-lookup",
                Map.of("kenpo.lookup.delivery", "immediate"))) {
            // Work in flight on node a: a login at the 暗証キー (mailed by node a), a postal request it stored, ...
            Browser browser = new Browser();
            EmailKeyPage keyPage = startLogin(browser, member, NODE_A);
            String key = mailbox.awaitKey(member.email(), 0);
            assertTrue(postalRequest(family, NODE_A).text().contains("封書をお送りします"));
            Browser lookup = new Browser();
            LookupPage lookupForm = lookupRequest(lookup, lookupAddress);
            try (AdminApi.ConfigChange down = survivor.changeMailServerPort(AdminApi.NO_MAIL_SERVER)) {
                // ... and, while the mail server is down (so no mail can have gone out before the kill), a
                // パスワード再発行 and a lookup it accepted.
                assertTrue(reissue(forgot.email(), NODE_A).isSentPage(), "node a accepted the reissue request");
                assertTrue(steps.on(NODE_A, lookup, () -> lookupForm.send(lookupAddress)).isSentPage(), "node a accepted the lookup");
                a.kill();
            }

            Browser.Page portal = keyPage.submit(key);
            assertEquals(NODE_B, ClusterSteps.servedBy(browser), "only node b is left");
            assertTrue(portal.isPortalRedirect(), "the login started on the dead node finishes on the survivor: " + portal.uri());
            assertTrue(postalRequestListed(survivor, family), "the postal request node a stored is there");
            // The mail server is back; node b sends what node a accepted.
            Mailbox.Mail reissued = awaitMail(forgot.email(), 0);
            assertTrue(temporaryPasswords(reissued).containsKey(forgot.loginId()), "node b sent node a's reissue mail: " + reissued.text());
            Mailbox.Mail link = awaitMail(lookupAddress, 0);
            Document page = new Browser().get(link.link()).document();
            assertTrue(page.getElementById("kenpo-lookup-reveal-form") != null, "node b sent a working lookup link: " + page.text());
        }

        a.restart();
        assertTrue(postalRequestListed(a.admin(), family), "the restarted node sees the postal request too");
        // Rejoined: a key mailed by node b works on the restarted node a.
        Member after = newMember("clrejoin");
        Browser rejoined = new Browser();
        EmailKeyPage again = startLogin(rejoined, after, NODE_B);
        String keyOfB = mailbox.awaitKey(after.email(), 0);
        assertTrue(steps.on(NODE_A, rejoined, () -> again.submit(keyOfB)).isPortalRedirect(), "node a rejoined the cluster");
        // One more mail through node a: once that one is here, node a has run its start-up and its outbox polls.
        Member barrier = newMember("clbarrier");
        assertTrue(reissue(barrier.email(), NODE_A).isSentPage());
        awaitMail(barrier.email(), 0);
        assertEquals(1, mailbox.count(forgot.email()), "the reissue mail node a accepted was sent once, not again after it rejoined");
        assertEquals(1, mailbox.count(lookupAddress), "the lookup mail node a accepted was sent once");
        assertEquals(1, mailbox.count(member.email()), "the 暗証キー node a mailed was sent once");
        Map<String, Object> outbox = a.admin().get("/realms/kenpo/kenpo-mail-outbox", new TypeReference<>() { });
        @SuppressWarnings("unchecked")
        Map<String, Object> counts = (Map<String, Object>) outbox.get("counts");
        assertEquals(0, ((Number) counts.getOrDefault("dead", 0)).intValue(), "no mail is dead: " + outbox);
    }

    @Test
    @Order(200)
    void afterBothNodesRestartWhatIsDurableStaysAndWhatWasInMemoryEndsWithAClearMessage() throws Exception {
        // Durable: a member (and a password changed through 仮ログイン), a postal request.
        Member member = newMember("clrestart");
        String family = "再起" + Members.loginId("p").substring(2, 6);
        assertTrue(postalRequest(family, NODE_A).text().contains("封書をお送りします"));
        // In memory only: an open login attempt at the 暗証キー, and a temporary password of パスワード再発行.
        Browser open = new Browser();
        EmailKeyPage keyPage = startLogin(open, member, NODE_B);
        String key = mailbox.awaitKey(member.email(), 0);
        Member forgot = newMember("clrstmp");
        assertTrue(reissue(forgot.email(), NODE_A).isSentPage());
        Mailbox.Mail mail = mailbox.awaitNext(forgot.email(), 0);
        String temporary = temporaryPasswords(mail).get(forgot.loginId());

        for (KeycloakCluster.Node node : cluster.nodes()) {
            node.stop();
        }
        for (KeycloakCluster.Node node : cluster.nodes()) {
            node.restart();
        }
        cluster.awaitBalancerServing(List.of(NODE_A, NODE_B));

        assertTrue(postalRequestListed(cluster.node(NODE_B).admin(), family), "the postal request is still there");
        // The open login attempt is gone: the key page's ログイン starts the login again, with a message, on either node.
        Browser.Page after = steps.on(NODE_A, open, () -> keyPage.submit(key));
        assertEquals(200, after.status(), "no error page: " + after.document().text());
        assertFalse(after.isPortalRedirect());
        LoginPage again = new LoginPage(open, after);
        assertEquals("時間が経ったため、ログインをはじめからやり直してください。", again.message(),
                "the member is told that the login starts again");
        // The member logs in as before: password (database) and a new key.
        int seen = mailbox.count(member.email());
        EmailKeyPage newKey = steps.on(NODE_B, open, () -> new EmailKeyPage(open, again.submit(member.loginId(), PASSWORD)));
        String fresh = mailbox.awaitKey(member.email(), seen);
        assertTrue(steps.on(NODE_A, open, () -> newKey.submit(fresh)).isPortalRedirect(), "the member's password and address are durable");

        // The temporary password lived in memory: refused with the 仮ログイン message, which sends the member to ask again.
        Browser late = new Browser();
        LoginPage temporaryLogin = steps.on(NODE_B, late, () -> new LoginPage(late, late.get(mail.link())));
        LoginPage refused = steps.on(NODE_A, late, () -> new LoginPage(late, temporaryLogin.submit(forgot.loginId(), temporary)));
        assertEquals(200, refused.page().status());
        assertTrue(refused.fieldError().startsWith("ログインIDまたは仮パスワードが正しくないか、仮パスワードの有効期限が切れています。"),
                refused.fieldError());
        assertTrue(refused.fieldError().endsWith("新しい仮パスワードをお申し込みください。"), "it says what to do: " + refused.fieldError());
        assertTrue(refused.page().document().getElementById("kenpo-back-to-login") != null, "with the way back to ask for one");
        cluster.admin().clearBruteForce(forgot.id());
    }
}
