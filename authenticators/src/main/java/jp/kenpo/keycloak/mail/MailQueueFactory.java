package jp.kenpo.keycloak.mail;

import org.keycloak.provider.ProviderFactory;

/** Factory of the pack's {@link MailQueue}; one instance per server node. */
public interface MailQueueFactory extends ProviderFactory<MailQueue> {
}
