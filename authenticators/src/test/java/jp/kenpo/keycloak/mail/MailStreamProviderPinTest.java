package jp.kenpo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ServiceConfigurationError;

import jakarta.mail.util.LineInputStream;
import jakarta.mail.util.LineOutputStream;
import jakarta.mail.util.StreamProvider;
import org.junit.jupiter.api.Test;

class MailStreamProviderPinTest {

    @Test
    void theProviderFoundIsNamedWhenNothingIsSet() {
        assertEquals("org.example.Found", MailStreamProviderPin.valueToSet(null, () -> "org.example.Found"));
        assertEquals("org.example.Found", MailStreamProviderPin.valueToSet(" ", () -> "org.example.Found"));
    }

    @Test
    void aValueUnionItSetIsLeftAlone() {
        assertNull(MailStreamProviderPin.valueToSet("org.example.Theirs", () -> "org.example.Found"));
    }

    @Test
    void noProviderFoundLeavesJakartaMailToItsOwnLookup() {
        assertNull(MailStreamProviderPin.valueToSet(null, () -> {
            throw new IllegalStateException("Not provider of jakarta.mail.util.StreamProvider was found");
        }));
        assertNull(MailStreamProviderPin.valueToSet(null, () -> {
            throw new ServiceConfigurationError("broken provider file");
        }));
    }

    @Test
    void jakartaMailTakesTheNamedProviderWithoutLookingFurther() {
        // The pin's premise: Jakarta Mail reads this property before it asks ServiceLoader.
        String before = System.getProperty(MailStreamProviderPin.PROPERTY);
        System.setProperty(MailStreamProviderPin.PROPERTY, NamedProvider.class.getName());
        try {
            assertInstanceOf(NamedProvider.class, StreamProvider.provider());
        } finally {
            if (before == null) {
                System.clearProperty(MailStreamProviderPin.PROPERTY);
            } else {
                System.setProperty(MailStreamProviderPin.PROPERTY, before);
            }
        }
    }

    /** A provider no ServiceLoader file names: only the property can bring it. */
    public static final class NamedProvider implements StreamProvider {
        @Override public InputStream inputBase64(InputStream in) { return in; }
        @Override public OutputStream outputBase64(OutputStream out) { return out; }
        @Override public InputStream inputBinary(InputStream in) { return in; }
        @Override public OutputStream outputBinary(OutputStream out) { return out; }
        @Override public OutputStream outputB(OutputStream out) { return out; }
        @Override public InputStream inputQ(InputStream in) { return in; }
        @Override public OutputStream outputQ(OutputStream out, boolean encodingWord) { return out; }
        @Override public LineInputStream inputLineStream(InputStream in, boolean allowutf8) { return null; }
        @Override public LineOutputStream outputLineStream(OutputStream out, boolean allowutf8) { return null; }
        @Override public InputStream inputQP(InputStream in) { return in; }
        @Override public OutputStream outputQP(OutputStream out) { return out; }
        @Override public InputStream inputSharedByteArray(byte[] buff) { return null; }
        @Override public InputStream inputUU(InputStream in) { return in; }
        @Override public OutputStream outputUU(OutputStream out, String filename) { return out; }
    }
}
