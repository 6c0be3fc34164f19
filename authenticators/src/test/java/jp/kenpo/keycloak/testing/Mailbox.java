package jp.kenpo.keycloak.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

/** Reads the mails Keycloak sent, from the test's real SMTP server. */
public final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://\\S+");
    private static final Pattern EMAIL_KEY = Pattern.compile("(?:暗証キー：|Key:)\\s*(\\d+)");

    /** One received mail, decoded. */
    public record Mail(String to, String subject, String text, String html) {
        /** The key from the plain-text body. */
        public String emailKey() {
            Matcher m = EMAIL_KEY.matcher(text);
            if (!m.find()) {
                throw new AssertionError("No 暗証キー in mail: " + text);
            }
            return m.group(1);
        }

        public boolean hasEmailKey() {
            return EMAIL_KEY.matcher(text).find();
        }

        /**
         * The plain-text body with its links cut out: what a person reads. A link's random token can hold any
         * digits (a birth year by chance), so checks for personal data look here.
         */
        public String prose() {
            return LINK.matcher(text).replaceAll("");
        }

        /** The first link in the plain-text body. */
        public String link() {
            Matcher m = LINK.matcher(text);
            if (!m.find()) {
                throw new AssertionError("No link in mail: " + text);
            }
            return m.group();
        }
    }

    private final GreenMail greenMail;

    Mailbox(GreenMail greenMail) {
        this.greenMail = greenMail;
    }

    /** The mails of a GreenMail server of a test's own (e.g. one a Keycloak container sends to). */
    public static Mailbox of(GreenMail greenMail) {
        return new Mailbox(greenMail);
    }

    public List<Mail> to(String address) {
        List<Mail> mails = new ArrayList<>();
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            try {
                Address[] recipients = message.getRecipients(Message.RecipientType.TO);
                if (recipients != null && Arrays.stream(recipients).anyMatch(a -> a.toString().contains(address))) {
                    mails.add(decode(address, message));
                }
            } catch (MessagingException | IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return mails;
    }

    /** Waits (up to 20 s) until {@code address} has more than {@code alreadySeen} mails, and returns the newest. */
    public Mail awaitNext(String address, int alreadySeen) {
        List<Mail> mails = Pause.until(() -> to(address), m -> m.size() > alreadySeen, Duration.ofSeconds(20), Duration.ofMillis(100));
        if (mails.size() <= alreadySeen) {
            throw new AssertionError("No new mail to " + address + " (had " + alreadySeen + ")");
        }
        return mails.get(mails.size() - 1);
    }

    /**
     * Waits (up to 20 s) for a 暗証キー mailed to {@code address} after its first {@code alreadySeen} mails, and returns
     * the newest such key. A notice sent after a commit (a passkey added, a password changed) may arrive after the key
     * mail; it is passed over rather than read as the key mail.
     */
    public String awaitKey(String address, int alreadySeen) {
        List<Mail> keyMails = Pause.until(() -> to(address).stream().skip(alreadySeen).filter(Mail::hasEmailKey).toList(),
                m -> !m.isEmpty(), Duration.ofSeconds(20), Duration.ofMillis(100));
        if (keyMails.isEmpty()) {
            throw new AssertionError("No new 暗証キー mail to " + address + " (had " + alreadySeen + "): " + to(address).stream().map(Mail::subject).toList());
        }
        return keyMails.get(keyMails.size() - 1).emailKey();
    }

    public int count(String address) {
        return to(address).size();
    }

    private static Mail decode(String to, MimeMessage message) throws MessagingException, IOException {
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        collect(message, text, html);
        return new Mail(to, message.getSubject(), text.toString(), html.toString());
    }

    private static void collect(Part part, StringBuilder text, StringBuilder html) throws MessagingException, IOException {
        Object content = part.getContent();
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                collect(child, text, html);
            }
        } else if (part.isMimeType("text/plain")) {
            text.append(asString(content));
        } else if (part.isMimeType("text/html")) {
            html.append(asString(content));
        }
    }

    private static String asString(Object content) throws IOException {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof InputStream in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return String.valueOf(content);
    }

}
