package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import jp.kenpo.keycloak.common.UnionContact;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The letters' font: the jar's IPA Gothic by default, or the file the server option names. */
class LetterFontTest {

    private static final LetterFrame FRAME = new LetterFrame("サンプル健康保険組合", "健康マイポータル",
            "健康マイポータル（健康ポータルサイト）への登録について", "https://portal.kenpo.example.jp/realms/kenpo/account", null, new UnionContact("", "", "", "", "", ""));

    private static final List<MemberImport.Letter> LETTERS = List.of(
            new MemberImport.Letter("1234-5678-00", "健保 太郎", "ABCDEF12", "Tabcde12"));

    @Test
    void noPathMeansTheBundledIpaGothic() {
        assertEquals(LetterFont.BUNDLED, LetterFont.of(null));
        assertEquals(LetterFont.BUNDLED, LetterFont.of("  "));
        assertPdf(LetterPdf.render(FRAME, LETTERS, LetterFont.BUNDLED));
    }

    @Test
    void aMissingFileIsRefusedAtOnce(@TempDir Path dir) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> LetterFont.of(dir.resolve("no-such.ttf").toString()));
        assertTrue(refused.getMessage().contains("no-such.ttf"));
        assertThrows(IllegalArgumentException.class, () -> LetterFont.of(dir.toString()), "a folder is no font");
    }

    @Test
    void theNamedFileIsTheOneEmbedded(@TempDir Path dir) throws IOException {
        Path copy = dir.resolve("union-gothic.ttf");
        try (InputStream in = LetterFont.class.getResourceAsStream("fonts/ipag.ttf")) {
            Files.copy(in, copy);
        }
        assertPdf(LetterPdf.render(FRAME, LETTERS, LetterFont.of(copy.toString())));

        // A file that is no font fails the rendering: the path is really read, not the jar's font.
        Path notAFont = Files.writeString(dir.resolve("broken.ttf"), "not a font", StandardCharsets.US_ASCII);
        assertThrows(RuntimeException.class, () -> LetterPdf.render(FRAME, LETTERS, LetterFont.of(notAFont.toString())));
    }

    private static void assertPdf(byte[] pdf) {
        assertTrue(pdf.length > 1_000 && new String(pdf, 0, 5, StandardCharsets.US_ASCII).equals("%PDF-"));
    }
}
