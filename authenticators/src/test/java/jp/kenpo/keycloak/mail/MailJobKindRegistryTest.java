package jp.kenpo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;

class MailJobKindRegistryTest {

    private static final Path CLASSES = Path.of("target/classes");
    private final MailJobKindRegistry registry = MailJobKindRegistry.load();

    @Test
    void everyMailJobInThePackHasAKindSoItCanWaitInTheOutbox() throws Exception {
        Set<String> jobs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(CLASSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, getClass().getClassLoader());
                if (MailJob.class.isAssignableFrom(type) && !type.isInterface()) {
                    jobs.add(type.getName());
                }
            }
        }
        assertEquals(9, jobs.size(), "the pack's mails: " + jobs);
        Set<String> registered = new TreeSet<>();
        registry.kinds().forEach(k -> registered.add(k.type().getName()));
        assertEquals(jobs, registered);
    }

    @Test
    void everyKindReadsBackTheJobItStored() throws Exception {
        for (MailJobKinds.Kind kind : registry.kinds()) {
            MailJob job = (MailJob) sample(kind.type());
            byte[] json = registry.toJson(job);
            assertEquals(kind, registry.kindOf(job));
            assertEquals(Optional.of(job), registry.fromJson(kind.name(), json), kind.name() + ": " + new String(json, StandardCharsets.UTF_8));
        }
    }

    @Test
    void aJobOfAnUnknownKindOrShapeIsNotRead() {
        assertEquals(Optional.empty(), registry.fromJson("no-such-kind", "{}".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), registry.fromJson("password-changed", "[1,2]".getBytes(StandardCharsets.UTF_8)));
        assertEquals(Optional.empty(), registry.fromJson("password-changed", "not json".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aJobStoredBeforeAComponentWasAddedStillLoads() {
        // passkey-notice got byUnion (staff removed the passkey) later: a waiting row without it is the member's own removal.
        byte[] older = ("{\"address\":\"a@example.jp\",\"languageTag\":\"ja\",\"loginId\":\"pk1\",\"added\":false,"
                + "\"at\":\"2026/12/01 10:00\"}").getBytes(StandardCharsets.UTF_8);
        assertEquals("Passkey removed notice", registry.fromJson("passkey-notice", older).orElseThrow().description());
    }

    @Test
    void aJobWithoutAKindIsRefusedWhenQueuedNotLost() {
        MailJob unknown = new Unregistered("someone@example.jp");
        assertThrows(IllegalArgumentException.class, () -> registry.toJson(unknown));
    }

    @Test
    void twoKindsOfOneNameOrTypeAreRefused() {
        assertThrows(IllegalStateException.class, () -> new MailJobKindRegistry(List.of(
                new MailJobKinds.Kind("x", Unregistered.class, null), new MailJobKinds.Kind("x", Other.class, null))));
        assertThrows(IllegalStateException.class, () -> new MailJobKindRegistry(List.of(
                new MailJobKinds.Kind("x", Unregistered.class, null), new MailJobKinds.Kind("y", Unregistered.class, null))));
    }

    @Test
    void kindNamesAreTheOnesStoredInOutboxRows() {
        // Renaming a kind strands its waiting rows: this list changes only with a migration of the rows.
        Set<String> names = new TreeSet<>();
        registry.kinds().forEach(k -> names.add(k.name()));
        assertEquals(new TreeSet<>(List.of("empty-mail-reply", "household-notice", "lookup-link", "lookup-result", "password-changed",
                "passkey-notice", "password-reissue", "postal-notice", "registration-start")), names);
        assertFalse(names.stream().anyMatch(n -> n.length() > 64), "fits the KIND column");
    }

    @Test
    void noJobCarriesASecretSoNoneWaitsInTheOutboxEvenEncrypted() {
        // Links, keys, tokens and temporary passwords are issued when the mail is sent, in the transaction that marks it sent.
        List<String> secretLooking = new ArrayList<>();
        for (MailJobKinds.Kind kind : registry.kinds()) {
            collectSecretLooking(kind.type(), kind.name(), secretLooking);
        }
        assertEquals(List.of(), secretLooking);
    }

    private static void collectSecretLooking(Class<?> type, String path, List<String> found) {
        for (RecordComponent component : type.getRecordComponents()) {
            String name = component.getName().toLowerCase(java.util.Locale.ROOT);
            // Secrets are strings (a number such as linkValiditySeconds is a setting, not a secret).
            if (component.getType() == String.class && (name.contains("link") || name.contains("key") || name.contains("token")
                    || name.contains("password") || name.contains("secret"))) {
                found.add(path + "." + component.getName());
            }
            if (component.getType().isRecord()) {
                collectSecretLooking(component.getType(), path + "." + component.getName(), found);
            }
        }
    }

    /** An instance of a record with a distinct value in every component (nested records, enums, URIs). */
    private static Object sample(Class<?> type) throws Exception {
        if (type == String.class) {
            return "value-" + type.hashCode() % 97;
        }
        if (type == int.class || type == Integer.class) {
            return 42;
        }
        if (type == long.class || type == Long.class) {
            return 4_200_000_000L;
        }
        if (type == boolean.class || type == Boolean.class) {
            return true;
        }
        if (type == URI.class) {
            return URI.create("https://id.kenpo.example.jp/");
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return constants[constants.length - 1];
        }
        assertTrue(type.isRecord(), "a job's component must be a plain value or a record: " + type);
        RecordComponent[] components = type.getRecordComponents();
        List<Object> values = new ArrayList<>();
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
            values.add(sample(types[i]));
        }
        Constructor<?> constructor = type.getDeclaredConstructor(types);
        constructor.setAccessible(true);
        return constructor.newInstance(values.toArray());
    }

    private record Unregistered(String recipient) implements MailJob {
        @Override
        public String description() {
            return "test";
        }

        @Override
        public void send(KeycloakSession session, RealmModel realm) {
        }
    }

    private record Other(String recipient) implements MailJob {
        @Override
        public String description() {
            return "test";
        }

        @Override
        public void send(KeycloakSession session, RealmModel realm) {
        }
    }
}
