package jp.kenpo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class QueuedMailTest {

    @Test
    void aFullQueueRefusesTheMailAndTheCallerIsTold() {
        List<String> reported = new ArrayList<>();
        assertTrue(QueuedMail.submit((realm, job) -> true, null, null, reported::add));
        assertEquals(List.of(), reported);
        assertFalse(QueuedMail.submit((realm, job) -> false, null, null, reported::add), "past the bound the mail is refused");
        assertEquals(List.of("kenpo_mail_queue_full"), reported, "the caller learns it and records the event error");
    }
}
