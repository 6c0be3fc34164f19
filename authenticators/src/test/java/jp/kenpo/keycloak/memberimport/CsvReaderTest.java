package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class CsvReaderTest {

    @Test
    void quotedFieldsWithCommasQuotesAndLineBreaksKeepTheLineOfTheirRecord() {
        List<CsvReader.Record> records = CsvReader.parse("a,b\r\n\"x,1\",\"say \"\"hi\"\"\"\r\n\r\n\"two\nlines\",z\nlast,\"\"");
        assertEquals(List.of(new CsvReader.Record(1, List.of("a", "b")), new CsvReader.Record(2, List.of("x,1", "say \"hi\"")),
                new CsvReader.Record(4, List.of("two\nlines", "z")), new CsvReader.Record(6, List.of("last", ""))), records);
    }

    @Test
    void aRecordSplitAcrossReadsIsReadWhole() {
        StringBuilder text = new StringBuilder("h1,h2\n");
        for (int i = 0; i < 5_000; i++) {
            text.append("\"v").append(i).append(",\"\"q\"\"\",").append(i).append('\n');
        }
        // A reader that hands out a few characters at a time, so records, quotes and "" straddle every boundary.
        Reader trickle = new StringReader(text.toString()) {
            @Override
            public int read(char[] buffer, int offset, int length) throws java.io.IOException {
                return super.read(buffer, offset, Math.min(length, 7));
            }
        };
        CsvReader.Records records = new CsvReader.Records(trickle);
        List<CsvReader.Record> read = new ArrayList<>();
        for (CsvReader.Record r = records.next(); r != null; r = records.next()) {
            read.add(r);
        }
        assertEquals(CsvReader.parse(text.toString()), read);
        assertEquals(5_001, read.size());
        assertEquals(new CsvReader.Record(5_001, List.of("v4999,\"q\"", "4999")), read.get(5_000));
        assertNull(records.next(), "the end stays the end");
    }

    @Test
    void aQuoteNeverClosedStopsTheReadingInsteadOfFillingMemory() {
        String text = "a,b\n\"" + "x".repeat(CsvReader.MAX_RECORD_CHARS + 10) + "\n";
        CsvReader.Records records = new CsvReader.Records(new StringReader(text));
        assertEquals(List.of("a", "b"), records.next().fields());
        CsvReader.TooLongException e = assertThrows(CsvReader.TooLongException.class, records::next);
        assertEquals(true, e.getMessage().contains("line 2"), e.getMessage());
    }
}
