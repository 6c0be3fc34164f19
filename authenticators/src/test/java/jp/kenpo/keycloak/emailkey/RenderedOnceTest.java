package jp.kenpo.keycloak.emailkey;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class RenderedOnceTest {

    private final AtomicLong now = new AtomicLong(1_000_000);
    private final RenderedOnce rendered = new RenderedOnce(now::get);
    private final AtomicInteger renders = new AtomicInteger();

    /** The stock template: nothing but the key changes from one member to the next. */
    private RenderedOnce.Mail stock(String key, boolean standIn) {
        renders.incrementAndGet();
        return new RenderedOnce.Mail("暗証キーのお知らせ", "暗証キー：" + key + "\n", "<strong>" + key + "</strong>");
    }

    /** A union's template that greets the member by name. */
    private RenderedOnce.Mail personal(String key, boolean standIn) {
        renders.incrementAndGet();
        String name = standIn ? "stand-in 山田" : "山田";
        return new RenderedOnce.Mail("暗証キー", name + "様 " + key, "<p>" + name + "様</p>" + key);
    }

    @Test
    void a_mail_that_depends_only_on_the_key_is_rendered_once_and_filled_in_for_each_member() {
        RenderedOnce.Mail first = rendered.mail("realm-ja", "1234567890", this::stock);
        RenderedOnce.Mail second = rendered.mail("realm-ja", "0987654321", this::stock);

        assertEquals("暗証キー：1234567890\n", first.text());
        assertEquals("<strong>0987654321</strong>", second.html());
        assertEquals(2, renders.get(), "one render for the member and one for the stand-in, then none");
    }

    @Test
    void a_mail_that_shows_the_member_is_rendered_for_every_member() {
        RenderedOnce.Mail first = rendered.mail("realm-ja", "1234567890", this::personal);
        RenderedOnce.Mail second = rendered.mail("realm-ja", "0987654321", this::personal);

        assertEquals("山田様 1234567890", first.text());
        assertEquals("山田様 0987654321", second.text());
        assertEquals(4, renders.get(), "member, stand-in and the first mail, then one render per mail");
    }

    @Test
    void a_template_that_reformats_the_key_is_rendered_for_every_member() {
        RenderedOnce.Renderer<RuntimeException> grouped = (key, standIn) -> {
            renders.incrementAndGet();
            String shown = key.substring(0, 5) + "-" + key.substring(5);
            return new RenderedOnce.Mail("s", shown, shown);
        };
        assertEquals("12345-67890", rendered.mail("realm-ja", "1234567890", grouped).text());
        assertEquals("09876-54321", rendered.mail("realm-ja", "0987654321", grouped).text());
        assertEquals(3, renders.get());
    }

    @Test
    void each_language_and_realm_has_its_own_rendering() {
        rendered.mail("realm-ja", "1234567890", this::stock);
        RenderedOnce.Mail english = rendered.mail("realm-en", "1234567890",
                (key, standIn) -> new RenderedOnce.Mail("Your key", "Key: " + key, key));

        assertEquals("Key: 1234567890", english.text());
    }

    @Test
    void a_rendering_is_kept_for_a_minute_so_a_changed_theme_shows_within_a_minute() {
        rendered.mail("realm-ja", "1234567890", this::stock);
        now.addAndGet(RenderedOnce.LIFETIME_MILLIS);
        RenderedOnce.Mail changed = rendered.mail("realm-ja", "1234567890",
                (key, standIn) -> new RenderedOnce.Mail("新しい件名", "新 " + key, key));

        assertEquals("新しい件名", changed.subject());
    }
}
