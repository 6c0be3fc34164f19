package jp.kenpo.keycloak.mail;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Every job kind the features registered ({@link MailJobKinds}), and the JSON a job is stored as: its record
 * components only (no computed properties), so the job rebuilt on another node equals the one submitted.
 */
final class MailJobKindRegistry {

    private static final ObjectMapper JSON = JsonMapper.builder()
            .visibility(PropertyAccessor.GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE)
            .visibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.ANY)
            // A job stored by an older version of the pack still loads when a component was added since.
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
            .build();

    private final Map<String, MailJobKinds.Kind> byName = new HashMap<>();
    private final Map<Class<?>, MailJobKinds.Kind> byType = new HashMap<>();

    MailJobKindRegistry(List<MailJobKinds.Kind> kinds) {
        for (MailJobKinds.Kind kind : kinds) {
            if (!kind.type().isRecord()) {
                throw new IllegalStateException("Mail job kind " + kind.name() + " is not a record: " + kind.type().getName());
            }
            if (byName.putIfAbsent(kind.name(), kind) != null || byType.putIfAbsent(kind.type(), kind) != null) {
                throw new IllegalStateException("Mail job kind registered twice: " + kind.name() + " / " + kind.type().getName());
            }
        }
    }

    /** The kinds every feature in the pack's jar lists through ServiceLoader. */
    static MailJobKindRegistry load() {
        ServiceLoader<MailJobKinds> loader = ServiceLoader.load(MailJobKinds.class, MailJobKinds.class.getClassLoader());
        return new MailJobKindRegistry(loader.stream().flatMap(p -> p.get().kinds().stream()).toList());
    }

    List<MailJobKinds.Kind> kinds() {
        return List.copyOf(byName.values());
    }

    MailJobKinds.Kind kindOf(MailJob job) {
        MailJobKinds.Kind kind = byType.get(job.getClass());
        if (kind == null) {
            throw new IllegalArgumentException("No mail job kind for " + job.getClass().getName()
                    + ": list it in the feature's MailJobKinds (META-INF/services/jp.kenpo.keycloak.mail.MailJobKinds)");
        }
        return kind;
    }

    Optional<MailJobKinds.Kind> byName(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    byte[] toJson(MailJob job) {
        kindOf(job);
        try {
            return JSON.writeValueAsBytes(job);
        } catch (IOException e) {
            throw new IllegalStateException("Mail job " + job.description() + " cannot be stored", e);
        }
    }

    /** The job of {@code kind} from its JSON; empty when the kind is unknown or the JSON does not fit it. */
    Optional<MailJob> fromJson(String kind, byte[] json) {
        return byName(kind).flatMap(k -> {
            try {
                return Optional.of(JSON.readValue(json, k.type()));
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }
}
