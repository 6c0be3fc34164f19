package jp.kenpo.keycloak.memberimport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import jp.kenpo.keycloak.member.Registration;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The letters 「健康マイポータル（健康ポータルサイト）への登録について」 for printing: A4, one page per new
 * insured member, the {@link LetterFont} (IPA Gothic unless the server option names another) embedded as a
 * subset so every printer shows the Japanese text as laid out.
 * Texts come from {@link LetterText}.
 */
public final class LetterPdf {

    private static final float MARGIN = 56;
    /** The member's data rows (氏名, ログインID, 仮パスワード …). */
    private static final float ROW_SIZE = 12;

    private LetterPdf() {
    }

    public static byte[] render(String unionName, List<MemberImport.Letter> letters, LetterFont letterFont) {
        try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDType0Font font;
            try (InputStream in = letterFont.open()) {
                font = PDType0Font.load(document, in, true);
            }
            for (MemberImport.Letter letter : letters) {
                PDPage page = new PDPage(PDRectangle.A4);
                document.addPage(page);
                try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                    new Writer(content, font, page.getMediaBox()).letter(unionName, letter);
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

        void letter(String unionName, MemberImport.Letter given) throws IOException {
            // Hand-made or edited letter lists may carry characters the font cannot draw (control characters,
            // emoji, broken surrogates): they print as 〓 instead of failing the whole PDF.
            String union = printable(unionName);
            MemberImport.Letter letter = new MemberImport.Letter(given.memberKey(), printable(given.name()),
                    printable(given.loginId()), printable(given.temporaryPassword()));
            text(union, 11, true);
            text(LetterText.format("honorific", letter.name()), 13, false);
            gap(10);
            text(LetterText.get("title"), 15, false);
            gap(6);
            paragraph(LetterText.format("lead1", union), 10.5f);
            paragraph(LetterText.get("lead2"), 10.5f);
            paragraph(LetterText.get("lead3"), 10.5f);
            gap(10);
            row(LetterText.get("name"), LetterText.format("honorific", letter.name()));
            secretRow(LetterText.get("loginId"), letter.loginId());
            row(LetterText.get("nickname"), Registration.DEFAULT_NICKNAME);
            secretRow(LetterText.get("password"), letter.temporaryPassword());
            gap(14);
            text(LetterText.get("flowTitle"), 12, false);
            for (int i = 1; i <= 5; i++) {
                paragraph(LetterText.get("step" + i), 10.5f);
            }
            gap(10);
            for (int i = 1; i <= 3; i++) {
                paragraph(LetterText.get("note" + i), 9.5f);
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
