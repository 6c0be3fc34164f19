package jp.kenpo.keycloak.firstlogin.emptymail;

import java.util.List;

import jp.kenpo.keycloak.firstlogin.EmptyMailConfig;
import org.jboss.logging.Logger;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.timer.ScheduledTask;

/**
 * Run by Keycloak's timer on one node of the cluster per tick ({@code ClusterAwareScheduledTaskRunner}):
 * polls every realm whose 空メール registration is on and whose interval has passed, each in its own
 * session and transaction, so one realm's broken mailbox never stops another's (nor any login).
 */
final class EmptyMailTask implements ScheduledTask {

    static final String NAME = "kenpo-empty-mail";
    private static final Logger LOG = Logger.getLogger(EmptyMailTask.class);

    private final KeycloakSessionFactory factory;

    EmptyMailTask(KeycloakSessionFactory factory) {
        this.factory = factory;
    }

    @Override
    public String getTaskName() {
        return NAME;
    }

    @Override
    public void run(KeycloakSession session) {
        List<String> due = session.realms().getRealmsStream()
                .filter(realm -> {
                    EmptyMailConfig config = EmptyMailConfig.of(realm);
                    return config.enabled() && EmptyMailStatus.due(session, realm, config.intervalSeconds());
                })
                .map(RealmModel::getId)
                .toList();
        for (String realmId : due) {
            try {
                KeycloakModelUtils.runJobInTransaction(factory, realmSession -> {
                    RealmModel realm = realmSession.realms().getRealm(realmId);
                    if (realm == null) {
                        return;
                    }
                    realmSession.getContext().setRealm(realm);
                    EmptyMailPoller.poll(realmSession, realm, EmptyMailConfig.of(realm));
                });
            } catch (RuntimeException e) {
                LOG.warnf("Empty-mail registration poll of realm %s failed: %s; retried next interval", realmId, e.getClass().getName());
            }
        }
    }
}
