package jp.kenpo.keycloak.firstlogin.emptymail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jp.kenpo.keycloak.firstlogin.emptymail.EmptyMailRules.Reason;
import jp.kenpo.keycloak.firstlogin.emptymail.EmptyMailRules.Verdict;
import org.junit.jupiter.api.Test;

class EmptyMailRulesTest {

    private static final Set<String> OWN = Set.of("noreply@kenpo.example.jp", "kc@kenpo.example.jp");

    /** A member's empty mail from a phone, plus the given headers (null value: header removed). */
    private static Verdict classify(String... extra) {
        Map<String, List<String>> headers = new HashMap<>();
        headers.put("From", List.of("=?UTF-8?B?5bGx55Sw5aSq6YOO?= <Taro.Yamada@example.ne.jp>"));
        headers.put("Return-Path", List.of("<Taro.Yamada@example.ne.jp>"));
        headers.put("Message-ID", List.of("<1@example.ne.jp>"));
        for (int i = 0; i < extra.length; i += 2) {
            if (extra[i + 1] == null) {
                headers.remove(extra[i]);
            } else {
                headers.put(extra[i], List.of(extra[i + 1]));
            }
        }
        return EmptyMailRules.classify(headers, OWN);
    }

    @Test
    void aMembersEmptyMailIsAnsweredToItsSender() {
        Verdict verdict = classify();
        assertTrue(verdict.answer());
        assertEquals("Taro.Yamada@example.ne.jp", verdict.sender());
        assertTrue(classify("Auto-Submitted", "no").answer(), "Auto-Submitted: no is a person's mail");
        assertTrue(classify("Precedence", "normal").answer());
    }

    @Test
    void autoRepliesBouncesAndListMailAreNeverAnswered() {
        assertEquals(Reason.AUTO_SUBMITTED, classify("Auto-Submitted", "auto-replied").reason());
        assertEquals(Reason.AUTO_SUBMITTED, classify("auto-submitted", "Auto-Generated").reason());
        assertEquals(Reason.AUTO_REPLY, classify("X-Autoreply", "yes").reason());
        assertEquals(Reason.AUTO_REPLY, classify("X-Auto-Response-Suppress", "All").reason());
        assertEquals(Reason.BULK, classify("Precedence", "bulk").reason());
        assertEquals(Reason.BULK, classify("Precedence", "List").reason());
        assertEquals(Reason.BULK, classify("Precedence", "junk").reason());
        assertEquals(Reason.LIST_MAIL, classify("List-Id", "<members.kenpo.example.jp>").reason());
        assertEquals(Reason.BOUNCE, classify("Content-Type", "multipart/report; report-type=delivery-status").reason());
    }

    @Test
    void aNullOrMissingReturnPathOrADaemonIsABounce() {
        assertEquals(Reason.NULL_RETURN_PATH, classify("Return-Path", "<>").reason());
        assertEquals(Reason.NULL_RETURN_PATH, classify("Return-Path", null).reason());
        assertEquals(Reason.MAILER_DAEMON, classify("From", "Mail Delivery System <MAILER-DAEMON@mx.example.ne.jp>").reason());
        assertEquals(Reason.MAILER_DAEMON, classify("From", "postmaster@example.ne.jp").reason());
        assertEquals(Reason.MAILER_DAEMON, classify("Return-Path", "<mailer-daemon@example.ne.jp>").reason());
    }

    @Test
    void thePacksOwnAddressesAreNeverAnswered() {
        assertEquals(Reason.OWN_ADDRESS, classify("From", "サンプル健康保険組合 <NoReply@kenpo.example.jp>").reason());
        assertEquals(Reason.OWN_ADDRESS, classify("From", "kc@kenpo.example.jp").reason());
    }

    @Test
    void aMailWithoutOneUsableSenderIsIgnored() {
        assertEquals(Reason.NO_SENDER, classify("From", null).reason());
        assertEquals(Reason.NO_SENDER, classify("From", "a@example.jp, b@example.jp").reason());
        assertEquals(Reason.NO_SENDER, classify("From", "not an address").reason());
    }

    @Test
    void theSizeBoundIsCheckedBeforeAnythingIsRead() {
        assertTrue(EmptyMailRules.tooLarge(262_145, 262_144));
        assertFalse(EmptyMailRules.tooLarge(262_144, 262_144));
    }
}
