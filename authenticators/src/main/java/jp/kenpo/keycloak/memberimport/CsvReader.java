package jp.kenpo.keycloak.memberimport;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV as union systems export it: UTF-8 (with or without BOM) or Shift_JIS (CP932, Windows-31J),
 * told apart by whether the bytes are valid UTF-8. Quoted fields may hold commas, quotes and line breaks.
 */
public final class CsvReader {

    public static final Charset CP932 = Charset.forName("windows-31j");

    /** One record with the line number it starts on (1-based, the header being line 1). */
    public record Record(int line, List<String> fields) {
    }

    private CsvReader() {
    }

    public static String decode(byte[] bytes) {
        int start = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        ByteBuffer buffer = ByteBuffer.wrap(bytes, start, bytes.length - start);
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buffer).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, CP932);
        }
    }

    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int line = 1;
        int recordLine = 1;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // part of CRLF; the \n ends the record
            } else if (c == '\n') {
                fields.add(field.toString());
                field.setLength(0);
                addIfNotBlank(records, recordLine, fields);
                fields = new ArrayList<>();
                line++;
                recordLine = line;
            } else {
                field.append(c);
            }
        }
        if (field.length() > 0 || !fields.isEmpty()) {
            fields.add(field.toString());
            addIfNotBlank(records, recordLine, fields);
        }
        return records;
    }

    private static void addIfNotBlank(List<Record> records, int line, List<String> fields) {
        if (fields.stream().anyMatch(f -> !f.isBlank())) {
            records.add(new Record(line, fields));
        }
    }
}
