package jp.kenpo.keycloak.mail;

import org.keycloak.provider.Provider;
import org.keycloak.provider.ProviderFactory;
import org.keycloak.provider.Spi;

/** The SPI {@value #NAME}: server options are {@code --spi-kenpo-mail-queue--<provider>--<option>}. */
public class MailQueueSpi implements Spi {

    public static final String NAME = "kenpo-mail-queue";

    @Override
    public boolean isInternal() {
        return false;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public Class<? extends Provider> getProviderClass() {
        return MailQueue.class;
    }

    @Override
    @SuppressWarnings("rawtypes")
    public Class<? extends ProviderFactory> getProviderFactoryClass() {
        return MailQueueFactory.class;
    }
}
