package jp.kenpo.keycloak.lookup.postal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import jakarta.persistence.Column;
import org.junit.jupiter.api.Test;

/** お問い合わせ: every field has a length bound, checked with a clear message before anything is stored. */
class PostalInputTest {

    private static Map<String, String> valid() {
        Map<String, String> typed = new HashMap<>();
        typed.put("familyName", "山田");
        typed.put("givenName", "太郎");
        typed.put("familyKana", "ヤマダ");
        typed.put("givenKana", "タロウ");
        typed.put("symbol", "1234");
        typed.put("number", "56");
        typed.put("phone", "03-1234-5678");
        typed.put("category", "idpassword");
        typed.put("message", "封書でお願いします");
        typed.put("postalCode", "123-4567");
        typed.put("address", "東京都千代田区1-1");
        return typed;
    }

    private static String repeated(String field, int length) {
        String unit = switch (field) {
            case "familyKana", "givenKana" -> "ア";
            case "symbol", "number", "phone", "postalCode" -> "1";
            default -> "山";
        };
        return unit.repeat(length);
    }

    private static int column(String field) throws Exception {
        return PostalRequestEntity.class.getDeclaredField(field).getAnnotation(Column.class).length();
    }

    private static boolean formatted(String field) {
        return field.equals("phone") || field.equals("postalCode");
    }

    @Test
    void aValidRequestHasNoProblems() {
        assertEquals(List.of(), PostalInput.of(valid()).check());
    }

    @Test
    void everyFieldHasABoundAndAValueOneOverItIsRefusedForThatField() {
        for (String field : PostalInput.FIELDS) {
            if (field.equals("category")) {
                continue;
            }
            Integer max = PostalInput.MAX_LENGTH.get(field);
            assertTrue(max != null && max > 0, "no bound for " + field);
            if (!formatted(field)) {
                Map<String, String> atBound = valid();
                atBound.put(field, repeated(field, max));
                assertEquals(List.of(), PostalInput.of(atBound).check(), field + " at its bound " + max);
            }
            Map<String, String> typed = valid();
            typed.put(field, repeated(field, max + 1));
            List<PostalInput.Problem> problems = PostalInput.of(typed).check();
            assertFalse(problems.isEmpty(), field + " with " + (max + 1) + " characters passed");
            assertTrue(problems.stream().allMatch(p -> p.field().equals(field)), problems.toString());
            if (!formatted(field)) {
                assertEquals(List.of(new PostalInput.Problem(field, "kenpoPostalTooLong_" + field)), problems);
            }
        }
    }

    @Test
    void aHugeCategoryFallsBackToAKnownOne() {
        Map<String, String> typed = valid();
        typed.put("category", "x".repeat(100_000));
        PostalInput input = PostalInput.of(typed);
        assertEquals(List.of(), input.check());
        assertTrue(PostalInput.CATEGORIES.contains(input.get("category")));
    }

    @Test
    void whatPassesTheBoundsFitsTheDatabaseColumns() throws Exception {
        Map<String, Integer> max = PostalInput.MAX_LENGTH;
        // The name columns hold 姓 + space + 名 (NVARCHAR(255)).
        assertTrue(max.get("familyName") + 1 + max.get("givenName") <= column("name"));
        assertTrue(max.get("familyKana") + 1 + max.get("givenKana") <= column("nameKana"));
        for (String field : List.of("symbol", "number", "phone", "message", "postalCode", "address")) {
            assertTrue(max.get(field) <= column(field), field + ": " + max.get(field) + " > column " + column(field));
        }
        for (String category : PostalInput.CATEGORIES) {
            assertTrue(category.length() <= column("category"));
        }
    }

    @Test
    void everyTooLongMessageStatesTheBoundInBothLanguages() throws Exception {
        for (String bundle : List.of("messages_ja.properties", "messages_en.properties")) {
            Properties messages = new Properties();
            try (var in = new InputStreamReader(PostalInputTest.class.getResourceAsStream("/theme-resources/messages/" + bundle),
                    StandardCharsets.UTF_8)) {
                messages.load(in);
            }
            PostalInput.MAX_LENGTH.forEach((field, max) -> {
                if (formatted(field)) {
                    return; // their format messages say how many digits
                }
                String text = messages.getProperty("kenpoPostalTooLong_" + field);
                assertTrue(text != null && text.contains(Integer.toString(max)), bundle + " kenpoPostalTooLong_" + field + ": " + text);
            });
        }
    }
}
