package jp.kenpo.keycloak.firstlogin.emptymail;

import java.util.List;

import jp.kenpo.keycloak.common.PackAdminResourceFactory;
import org.keycloak.Config;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.models.utils.PostMigrationEvent;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.scheduled.ClusterAwareScheduledTaskRunner;
import org.keycloak.timer.TimerProvider;

/**
 * The admin status endpoint of 空メール registration, and the start of its poll: once Keycloak has
 * started (after the database migration), Keycloak's timer runs {@link EmptyMailTask} every tick on
 * one node of the cluster. Option {@code --spi-admin-realm-restapi-extension--kenpo-empty-mail--poll-seconds}
 * (default {@value #DEFAULT_POLL_SECONDS}): the tick; each realm's own interval is a multiple of it at best.
 */
public class EmptyMailAdminResourceFactory extends PackAdminResourceFactory {

    public static final String ID = "kenpo-empty-mail";
    static final String POLL_SECONDS = "pollSeconds";
    static final int DEFAULT_POLL_SECONDS = 10;

    private int pollSeconds = DEFAULT_POLL_SECONDS;

    public EmptyMailAdminResourceFactory() {
        super(ID, EmptyMailAdminResource::new);
    }

    @Override
    public void init(Config.Scope config) {
        pollSeconds = Math.max(1, config.getInt(POLL_SECONDS, DEFAULT_POLL_SECONDS));
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(event -> {
            if (event instanceof PostMigrationEvent) {
                long millis = pollSeconds * 1_000L;
                KeycloakModelUtils.runJobInTransaction(factory, session -> session.getProvider(TimerProvider.class)
                        .schedule(new ClusterAwareScheduledTaskRunner(factory, new EmptyMailTask(factory), millis), millis,
                                EmptyMailTask.NAME));
            }
        });
    }

    @Override
    public List<ProviderConfigProperty> getConfigMetadata() {
        return ProviderConfigurationBuilder.create()
                .property().name(POLL_SECONDS).type(ProviderConfigProperty.INTEGER_TYPE)
                .helpText("Seconds between two checks for 空メール mailboxes that are due (one node of the cluster per check).")
                .defaultValue(DEFAULT_POLL_SECONDS).add()
                .build();
    }
}
