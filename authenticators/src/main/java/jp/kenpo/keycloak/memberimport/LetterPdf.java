package jp.kenpo.keycloak.memberimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jp.kenpo.keycloak.common.EmailAddress;
import jp.kenpo.keycloak.common.QrCode;
import jp.kenpo.keycloak.common.UnionContact;
import jp.kenpo.keycloak.member.Registration;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * The letters 「健康マイポータル（健康ポータルサイト）への登録について」 for printing: A4, one page per new
 * insured member, the {@link LetterFont} (IPA Gothic unless the server option names another) embedded as a
 * subset so every printer shows the Japanese text as laid out.
 * Texts come from {@link LetterText}; the union, portal, login URL, 空メール address and 問い合わせ先 from the
 * {@link LetterFrame}. The login screen's 2次元コード and the 空メール one stand side by side under the member's data.
 */
public final class LetterPdf {

    private static final float MARGIN = 56;
    /** The member's data rows (氏名, ログインID, 仮パスワード …). */
    private static final float ROW_SIZE = 12;
    /** The lowest a line may stand: the printer's unprintable edge and a little air (about 12 mm). */
    private static final float BOTTOM = 34;
    /** A 2次元コード's printed size: 85 pt is 30 mm, which any phone camera reads from a hand's length. */
    private static final float QR_SIZE = 85;
    /** The codes are drawn at this many pixels (300 dpi at 85 pt), so the printer gets sharp modules. */
    private static final int QR_PIXELS = 354;

    private LetterPdf() {
    }

    public static byte[] render(LetterFrame frame, List<MemberImport.Letter> letters, LetterFont letterFont) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font;
            try (InputStream in = letterFont.open()) {
                font = PDType0Font.load(document, in, true);
            }
            // Every letter of the run shows the same two codes: drawn once, referenced by every page.
            PDImageXObject loginQr = LosslessFactory.createFromImage(document, QrCode.image(frame.loginUrl(), QR_PIXELS));
            PDImageXObject mailQr = frame.registrationAddress() == null ? null
                    : LosslessFactory.createFromImage(document, QrCode.image(EmailAddress.mailto(frame.registrationAddress()), QR_PIXELS));
            for (MemberImport.Letter letter : letters) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    new Writer(content, font, page.getMediaBox()).letter(frame, letter, loginQr, mailQr);
                }
            }
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes lines from the top of the page down, wrapping Japanese text by width ({@link LineWrap}). */
    private static final class Writer {
        private final PDPageContentStream content;
        private final PDType0Font font;
        private final java.util.Map<Integer, Boolean> drawable = new java.util.HashMap<>();
        private final float width;
        private float y;

        Writer(PDPageContentStream content, PDType0Font font, PDRectangle box) {
            this.content = content;
            this.font = font;
            this.width = box.getWidth() - 2 * MARGIN;
            this.y = box.getHeight() - MARGIN;
        }

        void letter(LetterFrame frame, MemberImport.Letter given, PDImageXObject loginQr, PDImageXObject mailQr) throws IOException {
            // Hand-made or edited letter lists may carry characters the font cannot draw (control characters,
            // emoji, broken surrogates): they print as 〓 instead of failing the whole PDF.
            String union = printable(frame.unionName());
            // A pre-issued login ID is printed in capitals, as every screen and mail shows it (Registration).
            MemberImport.Letter letter = new MemberImport.Letter(given.memberKey(), printable(given.name()),
                    printable(Registration.preIssuedLoginId(given.loginId())), printable(given.temporaryPassword()));
            text(union, 11, true);
            text(LetterText.format("honorific", letter.name()), 13, false);
            gap(8);
            text(printable(frame.title()), 15, false);
            gap(4);
            paragraph(LetterText.format("lead1", union, printable(frame.portalName())), 10.5f);
            paragraph(LetterText.get("lead2"), 10.5f);
            paragraph(LetterText.get("lead3"), 10.5f);
            gap(8);
            row(LetterText.get("name"), LetterText.format("honorific", letter.name()));
            secretRow(LetterText.get("loginId"), letter.loginId());
            row(LetterText.get("nickname"), Registration.DEFAULT_NICKNAME);
            secretRow(LetterText.get("password"), letter.temporaryPassword());
            gap(10);
            codes(frame, loginQr, mailQr);
            gap(10);
            text(LetterText.get("flowTitle"), 12, false);
            for (int i = 1; i <= 5; i++) {
                paragraph(LetterText.get("step" + i), 10);
            }
            gap(6);
            for (int i = 1; i <= 3; i++) {
                paragraph(LetterText.get("note" + i), 9.5f);
            }
            gap(8);
            contact(frame.contact(), union);
            if (y < BOTTOM) {
                // A letter cut off at the page's edge would lose the 問い合わせ先: better no letter than that.
                throw new IllegalStateException("The letter does not fit on one page: shorten the 問い合わせ先 or the title");
            }
        }

        /** The login screen's 2次元コード with its URL, and beside it the 空メール one with its address (when there is one). */
        private void codes(LetterFrame frame, PDImageXObject loginQr, PDImageXObject mailQr) throws IOException {
            float column = width / 2;
            float top = y;
            float bottom = code(MARGIN, column, top, loginQr, LetterText.get("loginQrTitle"), LetterText.get("loginQrText"),
                    printable(frame.loginUrl()));
            if (mailQr != null) {
                bottom = Math.min(bottom, code(MARGIN + column, column, top, mailQr, LetterText.get("mailQrTitle"),
                        LetterText.get("mailQrText"), LetterText.format("mailQrAddress", printable(frame.registrationAddress()))));
            }
            y = bottom;
        }

        /** One code at the left of its column, its title, text and URL (or address) to the right; returns the lowest y used. */
        private float code(float x, float column, float top, PDImageXObject image, String title, String text, String target)
                throws IOException {
            content.drawImage(image, x, top - QR_SIZE, QR_SIZE, QR_SIZE);
            float textX = x + QR_SIZE + 6;
            float textWidth = column - QR_SIZE - 14;
            float lineY = top;
            List<String> lines = new ArrayList<>(LineWrap.wrap(title, textWidth, piece -> measure(piece, 10)));
            int titleLines = lines.size();
            lines.addAll(LineWrap.wrap(text, textWidth, piece -> measure(piece, 9)));
            lines.addAll(LineWrap.wrap(target, textWidth, piece -> measure(piece, 9)));
            for (int i = 0; i < lines.size(); i++) {
                float size = i < titleLines ? 10 : 9;
                lineY -= size * 1.5f;
                content.beginText();
                content.setFont(font, size);
                content.newLineAtOffset(textX, lineY);
                content.showText(lines.get(i));
                content.endText();
            }
            return Math.min(top - QR_SIZE, lineY - 4);
        }

        /** [お問い合わせ先] with the union's contact as it set it; without one, whom to ask, as before. */
        private void contact(UnionContact contact, String union) throws IOException {
            if (!contact.isSet()) {
                paragraph(LetterText.format("contactFallback", union), 9.5f);
                return;
            }
            text(LetterText.get("contactTitle"), 10, false);
            if (!contact.name().isEmpty()) {
                paragraph(printable(contact.name()), 9.5f);
            }
            if (!contact.tel().isEmpty()) {
                paragraph(contact.hours().isEmpty() ? LetterText.format("contactTel", printable(contact.tel()))
                        : LetterText.format("contactTelHours", printable(contact.tel()), printable(contact.hours())), 9.5f);
            } else if (!contact.hours().isEmpty()) {
                paragraph(printable(contact.hours()), 9.5f);
            }
            if (!contact.email().isEmpty()) {
                paragraph(LetterText.format("contactEmail", printable(contact.email())), 9.5f);
            }
            if (!contact.url().isEmpty()) {
                paragraph(printable(contact.url()), 9.5f);
            }
        }


        /** {@code text} with every character the font has no glyph for replaced by 〓 (geta, the printer's mark for it). */
        private String printable(String text) {
            if (text == null) {
                return "";
            }
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> out.append(drawable.computeIfAbsent(cp, this::canDraw) ? Character.toString(cp) : "〓"));
            return out.toString();
        }

        private boolean canDraw(int codePoint) {
            if (Character.isISOControl(codePoint) || Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF
                    || codePoint == 0xFFFD || Character.getType(codePoint) == Character.LINE_SEPARATOR
                    || Character.getType(codePoint) == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
            try {
                font.encode(Character.toString(codePoint));
                return true;
            } catch (IllegalArgumentException | IllegalStateException | IOException e) {
                return false;
            }
        }

        private void row(String label, String value) throws IOException {
            paragraph(label + "：" + value, ROW_SIZE);
            gap(2);
        }

        /** A login ID or password and each character's reading; a line never splits a reading (「エム小／文字」). */
        private void secretRow(String label, String value) throws IOException {
            List<String> units = new ArrayList<>();
            units.add(label + "：" + value + "   ");
            units.addAll(List.of(Readings.joined(value).split("(?<=、)")));
            for (String line : LineWrap.wrapUnits(units, width, piece -> measure(piece, ROW_SIZE))) {
                text(line, ROW_SIZE, false);
            }
            gap(2);
        }

        private void paragraph(String text, float size) throws IOException {
            for (String line : wrap(text, size)) {
                text(line, size, false);
            }
        }

        private void text(String text, float size, boolean right) throws IOException {
            y -= size * 1.6f;
            float x = MARGIN;
            if (right) {
                x = MARGIN + width - font.getStringWidth(text) / 1000 * size;
            }
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(text);
            content.endText();
        }

        private void gap(float points) {
            y -= points;
        }

        private List<String> wrap(String text, float size) {
            return LineWrap.wrap(text, width, piece -> measure(piece, size));
        }

        private double measure(String piece, float size) {
            try {
                return font.getStringWidth(piece) / 1000 * size;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
