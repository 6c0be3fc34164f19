package jp.kenpo.keycloak.emailkey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;

class EmailKeyStepEventTest {

    @Test
    void eachPhaseIsRecordedWithItsDurationEvenWhenTheStepFails() throws Exception {
        List<RecordedEvent> events;
        try (Recording recording = new Recording()) {
            recording.enable(EmailKeyStepEvent.NAME).withThreshold(java.time.Duration.ZERO);
            recording.start();
            EmailKeyStepEvent.time("challenge", () -> sleep(20));
            assertThrows(IllegalStateException.class, () -> EmailKeyStepEvent.time("answer", () -> {
                throw new IllegalStateException("step failed");
            }));
            recording.stop();
            Path file = Files.createTempFile("email-key-step", ".jfr");
            try {
                recording.dump(file);
                events = RecordingFile.readAllEvents(file);
            } finally {
                Files.deleteIfExists(file);
            }
        }
        List<RecordedEvent> steps = events.stream().filter(e -> e.getEventType().getName().equals(EmailKeyStepEvent.NAME)).toList();
        assertEquals(List.of("challenge", "answer"), steps.stream().map(e -> e.getString("phase")).toList());
        assertTrue(steps.get(0).getDuration().toMillis() >= 20, "the phase's time: " + steps.get(0).getDuration());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
