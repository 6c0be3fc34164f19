package jp.kenpo.keycloak.common;

import java.util.Locale;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * The pack's counters for operators, in Micrometer's global registry: Keycloak shows them on its
 * management port ({@code /metrics}, Prometheus format) when started with {@code --metrics-enabled=true},
 * and they cost a map look-up when it is not. Names start with {@code kenpo.} (Prometheus:
 * {@code kenpo_…_total}); the only tag is an outcome or a limit's name from a fixed set, never a member,
 * an address, an IP or a realm's data. Each feature owns its meters' names; the list with example alerts
 * is in docs/metrics.md.
 */
public final class Meters {

    private Meters() {
    }

    /** Counts {@code n} events of {@code name} with tag {@code tag}={@code value} (lower-cased). */
    public static void count(String name, String description, String tag, String value, double n) {
        Counter.builder(name).description(description).tag(tag, value.toLowerCase(Locale.ROOT))
                .register(Metrics.globalRegistry).increment(n);
    }

    /** Counts one event of {@code name} with its outcome: {@code outcome}={@code value} (lower-cased). */
    public static void outcome(String name, String description, Enum<?> value) {
        count(name, description, "outcome", value.name(), 1);
    }
}
