package jp.kenpo.keycloak.memberimport;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
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
 * {@link Records} reads one record at a time from a {@link Reader}, so a file of any length is read in
 * constant memory; a record longer than {@value #MAX_RECORD_CHARS} characters (a quote never closed) stops it.
 */
public final class CsvReader {

    public static final Charset CP932 = Charset.forName("windows-31j");
    /** The longest record read: a membership row is about a hundred characters. */
    static final int MAX_RECORD_CHARS = 65_536;

    /** One record with the line number it starts on (1-based, the header being line 1). */
    public record Record(int line, List<String> fields) {
    }

    /** A record past {@link #MAX_RECORD_CHARS}: the file is not read further. */
    public static final class TooLongException extends RuntimeException {
        TooLongException(int line) {
            super("The record starting on line " + line + " is longer than " + MAX_RECORD_CHARS
                    + " characters (a quote that is never closed?)");
        }
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

    /** Every record of a text held in memory (tests, small files). */
    public static List<Record> parse(String text) {
        List<Record> records = new ArrayList<>();
        Records reader = new Records(new StringReader(text));
        for (Record r = reader.next(); r != null; r = reader.next()) {
            records.add(r);
        }
        return records;
    }

    /** Reads records one at a time; blank records are skipped. Not thread-safe. */
    public static final class Records {

        private final Reader in;
        private final char[] buffer = new char[16_384];
        private int pos;
        private int len;
        private int line = 1;

        public Records(Reader in) {
            this.in = in;
        }

        /** The next non-blank record, or null at the end of the text. */
        public Record next() {
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            int recordLine = line;
            int chars = 0;
            int c;
            while ((c = read()) != -1) {
                if (++chars > MAX_RECORD_CHARS) {
                    throw new TooLongException(recordLine);
                }
                if (quoted) {
                    if (c == '"') {
                        if (peek() == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                        }
                    } else {
                        if (c == '\n') {
                            line++;
                        }
                        field.append((char) c);
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
                    line++;
                    if (!blank(fields)) {
                        return new Record(recordLine, fields);
                    }
                    fields = new ArrayList<>();
                    recordLine = line;
                    chars = 0;
                } else {
                    field.append((char) c);
                }
            }
            if (field.length() > 0 || !fields.isEmpty()) {
                fields.add(field.toString());
                if (!blank(fields)) {
                    return new Record(recordLine, fields);
                }
            }
            return null;
        }

        private static boolean blank(List<String> fields) {
            return fields.stream().allMatch(String::isBlank);
        }

        private int read() {
            if (pos == len && !fill()) {
                return -1;
            }
            return buffer[pos++];
        }

        private int peek() {
            if (pos == len && !fill()) {
                return -1;
            }
            return buffer[pos];
        }

        private boolean fill() {
            try {
                int n = in.read(buffer, 0, buffer.length);
                pos = 0;
                len = Math.max(n, 0);
                return n > 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
