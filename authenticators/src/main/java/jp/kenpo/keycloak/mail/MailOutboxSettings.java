package jp.kenpo.keycloak.mail;

import java.util.List;

import org.keycloak.Config;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;

/**
 * The server options of the mail queue {@code --spi-kenpo-mail-queue--background--<option>}, with their defaults
 * in one place. Every node of a cluster should have the same.
 */
record MailOutboxSettings(int threads, int maxPending, int startDelayMillis, int pollSeconds, int leaseSeconds,
                          MailOutboxRules.RetryPolicy retry, int sentRetentionHours, int deadRetentionDays) {

    static final String THREADS = "threads";
    static final String MAX_PENDING = "maxPending";
    static final String START_DELAY_MILLIS = "startDelayMillis";
    static final String POLL_SECONDS = "pollSeconds";
    static final String LEASE_SECONDS = "leaseSeconds";
    static final String MAX_ATTEMPTS = "maxAttempts";
    static final String RETRY_BASE_SECONDS = "retryBaseSeconds";
    static final String RETRY_MAX_SECONDS = "retryMaxSeconds";
    static final String SENT_RETENTION_HOURS = "sentRetentionHours";
    static final String DEAD_RETENTION_DAYS = "deadRetentionDays";

    static final MailOutboxSettings DEFAULTS = new MailOutboxSettings(2, 1_000, 1_000, 5, 120,
            new MailOutboxRules.RetryPolicy(8, 5, 900), 24, 14);

    static MailOutboxSettings from(Config.Scope config) {
        MailOutboxSettings d = DEFAULTS;
        return new MailOutboxSettings(
                Math.max(1, config.getInt(THREADS, d.threads())),
                Math.max(1, config.getInt(MAX_PENDING, d.maxPending())),
                Math.max(0, config.getInt(START_DELAY_MILLIS, d.startDelayMillis())),
                Math.max(1, config.getInt(POLL_SECONDS, d.pollSeconds())),
                // A lease shorter than a slow SMTP exchange (Keycloak's timeouts are 10 s) would let a second node send the same mail.
                Math.max(30, config.getInt(LEASE_SECONDS, d.leaseSeconds())),
                new MailOutboxRules.RetryPolicy(config.getInt(MAX_ATTEMPTS, d.retry().maxAttempts()),
                        config.getInt(RETRY_BASE_SECONDS, d.retry().baseSeconds()), config.getInt(RETRY_MAX_SECONDS, d.retry().maxSeconds())),
                Math.max(1, config.getInt(SENT_RETENTION_HOURS, d.sentRetentionHours())),
                Math.max(1, config.getInt(DEAD_RETENTION_DAYS, d.deadRetentionDays())));
    }

    static List<ProviderConfigProperty> metadata() {
        MailOutboxSettings d = DEFAULTS;
        return ProviderConfigurationBuilder.create()
                .property().name(THREADS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Threads that send the pack's mails on this node.").defaultValue(d.threads()).add()
                .property().name(MAX_PENDING).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Mails that may wait in the outbox (all nodes); past it a request's mail is refused and reported.")
                .defaultValue(d.maxPending()).add()
                .property().name(START_DELAY_MILLIS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Milliseconds a queued mail waits before it is worked on, so its work never slows the answer that queued it.")
                .defaultValue(d.startDelayMillis()).add()
                .property().name(POLL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How often this node looks for due mails queued by other nodes or waiting for a retry.")
                .defaultValue(d.pollSeconds()).add()
                .property().name(LEASE_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("How long a node holds a mail it is sending; after it another node takes the mail over (at least 30).")
                .defaultValue(d.leaseSeconds()).add()
                .property().name(MAX_ATTEMPTS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Attempts before a mail is given up (dead: admins see it and can retry it).")
                .defaultValue(d.retry().maxAttempts()).add()
                .property().name(RETRY_BASE_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Wait after the first failed attempt; it doubles after each further one.")
                .defaultValue(d.retry().baseSeconds()).add()
                .property().name(RETRY_MAX_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Longest wait between two attempts.").defaultValue(d.retry().maxSeconds()).add()
                .property().name(SENT_RETENTION_HOURS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Hours a sent mail's row (without its payload) is kept before it is deleted.")
                .defaultValue(d.sentRetentionHours()).add()
                .property().name(DEAD_RETENTION_DAYS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Days a dead mail is kept for admins to retry before it is deleted.")
                .defaultValue(d.deadRetentionDays()).add()
                .build();
    }
}
