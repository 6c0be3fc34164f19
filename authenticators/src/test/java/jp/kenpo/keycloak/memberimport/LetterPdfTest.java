package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.multi.qrcode.QRCodeMultiReader;
import jp.kenpo.keycloak.common.UnionContact;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

/**
 * The printed letter: the login screen's URL and its 2次元コード, the 空メール {@code mailto:} 2次元コード beside it, the
 * union's 問い合わせ先, notes that agree with the screens, and all of it on the one page (the codes are read back from
 * the rendered page, as a phone reads them from paper).
 */
class LetterPdfTest {

    private static final String LOGIN_URL = "https://portal.kenpo.example.jp/login";
    private static final String REGISTRATION_ADDRESS = "kc@kenpo.example.jp";
    private static final UnionContact CONTACT = new UnionContact("サンプル健康保険組合 健康マイポータル窓口", "03-0000-0000",
            "平日 9:00〜17:00、土日祝日・年末年始を除く", "info@kenpo.example.jp", "https://kenpo.example.jp/", "");
    private static final MemberImport.Letter LETTER = new MemberImport.Letter("1234-5678-00", "健保 太郎", "pugr7j26", "Ab3dEf7hJk");

    private static LetterFrame frame(String registrationAddress, UnionContact contact) {
        return new LetterFrame("サンプル健康保険組合", "健康マイポータル", "健康マイポータル（健康ポータルサイト）への登録について",
                LOGIN_URL, registrationAddress, contact);
    }

    @Test
    void bothCodesDecodeToTheLoginUrlAndTheRegistrationMailto() throws Exception {
        byte[] pdf = LetterPdf.render(frame(REGISTRATION_ADDRESS, CONTACT), List.of(LETTER), LetterFont.BUNDLED);
        keep(pdf, "letter");
        assertEquals(Set.of(LOGIN_URL, "mailto:" + REGISTRATION_ADDRESS), codes(pdf, 0));
        String text = text(pdf);
        assertTrue(text.contains(LOGIN_URL), "the URL is printed for those who type it");
        assertTrue(text.contains("送信先：" + REGISTRATION_ADDRESS), text);
    }

    @Test
    void withoutARegistrationAddressOnlyTheLoginCodeIsPrinted() throws Exception {
        byte[] pdf = LetterPdf.render(frame(null, CONTACT), List.of(LETTER), LetterFont.BUNDLED);
        assertEquals(Set.of(LOGIN_URL), codes(pdf, 0));
        assertFalse(text(pdf).contains("空メール"));
    }

    @Test
    void theUnionsContactIsPrintedAsItSetIt() throws Exception {
        String text = text(LetterPdf.render(frame(REGISTRATION_ADDRESS, CONTACT), List.of(LETTER), LetterFont.BUNDLED));
        assertTrue(text.contains("[お問い合わせ先]"), text);
        assertTrue(text.contains("サンプル健康保険組合 健康マイポータル窓口"), text);
        assertTrue(text.contains("TEL：03-0000-0000（平日 9:00〜17:00、土日祝日・年末年始を除く）"), text);
        assertTrue(text.contains("E-mail：info@kenpo.example.jp"), text);
        assertTrue(text.contains("https://kenpo.example.jp/"), text);
    }

    @Test
    void withoutAContactTheLetterNamesTheUnionToAsk() throws Exception {
        UnionContact none = new UnionContact("", "", "", "", "", "");
        String text = text(LetterPdf.render(frame(null, none), List.of(LETTER), LetterFont.BUNDLED));
        assertFalse(text.contains("[お問い合わせ先]"));
        assertTrue(text.contains("ご不明な点は、サンプル健康保険組合へお問い合わせください。"), text);
    }

    @Test
    void theLoginIdIsPrintedInCapitalsAndTheNotesSayItsCaseDoesNotMatter() throws Exception {
        String text = text(LetterPdf.render(frame(REGISTRATION_ADDRESS, CONTACT), List.of(LETTER), LetterFont.BUNDLED));
        assertTrue(text.contains("ログインID：PUGR7J26"), text);
        assertFalse(text.contains("pugr7j26"));
        assertTrue(text.contains("ログインIDは大文字・小文字のどちらで入力してもかまいません"), text);
        assertFalse(text.contains("ログインID・仮パスワードは大文字と小文字を区別"), "the screens take the ID in either case");
        assertTrue(text.contains("8〜39文字"), "the length rule is written as on the screens");
    }

    @Test
    void aLongContactAndALongUrlStillFitOnThePage() throws Exception {
        UnionContact longContact = new UnionContact("サンプル健康保険組合 健康管理センター 健康マイポータル問い合わせ窓口（委託先：サンプル株式会社 カスタマーサービス）",
                "0570-000-000", "月〜金 9:30〜18:00（土日祝日・年末年始を除く。混み合う月初は午後がつながりやすくなっています）",
                "portal-helpdesk@kenpo.example.jp", "https://www.kenpo.example.jp/members/portal/help/contact/index.html", "");
        LetterFrame frame = new LetterFrame("サンプル健康保険組合", "健康マイポータル", "健康マイポータル（健康ポータルサイト）への登録について",
                "https://portal.kenpo.example.jp/realms/kenpo/protocol/openid-connect/auth?client_id=kenpo-portal&response_type=code",
                "registration-by-empty-mail@kenpo.example.jp", longContact);
        byte[] pdf = LetterPdf.render(frame, List.of(new MemberImport.Letter("1234-5678-00",
                "長い名前の人 長い名前の人長い名前の人長い名前", "ABCDEF23", "Ab3dEf7hJk")), LetterFont.BUNDLED);
        keep(pdf, "letter-long-contact");
        assertEquals(2, codes(pdf, 0).size(), "both codes are on the page and readable");
        assertTrue(text(pdf).contains("https://www.kenpo.example.jp/members/portal/help/contact/index.html"));
    }

    /** The page as an image beside the screenshots, for a look at the layout. */
    private static void keep(byte[] pdf, String name) throws IOException {
        Path dir = Path.of("target/test-artifacts/letters");
        Files.createDirectories(dir);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            ImageIO.write(new PDFRenderer(document).renderImageWithDPI(0, 100), "png", dir.resolve(name + ".png").toFile());
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document).replace("\r", "").replaceAll("\n", "");
        }
    }

    /** The texts of every 2次元コード on the page, read from the page rendered at 200 dpi. */
    static Set<String> codes(byte[] pdf, int page) throws IOException {
        BufferedImage image;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertEquals(1, document.getNumberOfPages() - page, "one page per letter");
            image = new PDFRenderer(document).renderImageWithDPI(page, 200);
        }
        int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels)));
        try {
            Result[] results = new QRCodeMultiReader().decodeMultiple(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE));
            return new TreeSet<>(Arrays.stream(results).map(Result::getText).toList());
        } catch (NotFoundException e) {
            return Set.of();
        }
    }
}
