package jp.kenpo.keycloak.memberimport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The letters CSV is opened in a spreadsheet by union staff: no cell may run as a formula there. */
class LetterCsvTest {

    /** The first data row, read as a spreadsheet reads RFC 4180 (quoted cells, "" for a quote). */
    private static List<String> cells(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        String row = text.substring(text.indexOf("\r\n") + 2);
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted && c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                cell.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (!quoted && c == '\r') {
                break;
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private static List<String> render(String unionName, String memberKey, String name) {
        return cells(LetterCsv.render(unionName, List.of(new MemberImport.Letter(memberKey, name, "ABCDEF00", "Tabcdef12"))));
    }

    @Test
    void cellsThatAStartingFormulaCharacterWouldTurnIntoAFormulaAreDefused() {
        for (String dangerous : List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd")) {
            List<String> cells = render(dangerous, "1-2-3", dangerous);
            assertEquals("'" + dangerous, cells.get(1), "name cell for " + dangerous);
            assertEquals("'" + dangerous, cells.get(7), "union cell for " + dangerous);
        }
    }

    @Test
    void ordinaryCellsAndQuotesStayAsTheyAre() {
        List<String> cells = render("サンプル健康保険組合", "1-2-3", "山田 \"太郎\"");
        assertEquals("1-2-3", cells.get(0));
        assertEquals("山田 \"太郎\"", cells.get(1));
        assertEquals("ABCDEF00", cells.get(2));
        assertEquals("Tabcdef12", cells.get(4));
        assertEquals("サンプル健康保険組合", cells.get(7));
    }

    @Test
    void aDefusedCellIsStillOneQuotedCell() {
        String text = new String(LetterCsv.render("=1,\"2\"", List.of(new MemberImport.Letter("1-2-3", "-\"x\",y", "ABCDEF00", "Tabcdef12"))),
                StandardCharsets.UTF_8);
        String row = text.split("\r\n")[1];
        assertTrue(row.startsWith("\"1-2-3\",\"'-\"\"x\"\",y\","), row);
        assertTrue(row.endsWith(",\"'=1,\"\"2\"\"\""), row);
    }
}
