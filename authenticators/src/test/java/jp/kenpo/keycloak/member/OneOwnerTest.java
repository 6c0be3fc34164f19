package jp.kenpo.keycloak.member;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import jp.kenpo.keycloak.common.EventDetails;
import org.junit.jupiter.api.Test;

/**
 * Each user-attribute name and each event-detail name is written once in the pack's main code (in
 * {@link MemberAttributes} and {@link EventDetails}); everyone else uses the constant. And the member
 * key is built in one place: no other class joins 記号, 番号 and 枝番 with hyphens.
 */
class OneOwnerTest {

    private static final Path MAIN = Path.of("src/main/java");

    @Test
    void everyAttributeNameIsWrittenOnlyInMemberAttributes() throws Exception {
        // nickname, email2 and email3 are also ordinary words of forms and claims; the pack's own names start with kenpo.
        assertWrittenOnceIn(MemberAttributes.class, "member/MemberAttributes.java", name -> name.startsWith("kenpo"));
    }

    @Test
    void everyEventDetailNameIsWrittenOnlyInEventDetails() throws Exception {
        assertWrittenOnceIn(EventDetails.class, "common/EventDetails.java", name -> name.startsWith("kenpo_"));
    }

    @Test
    void onlyMemberKeyJoinsTheKeysParts() throws IOException {
        Pattern join = Pattern.compile("(symbol|number|Symbol|Number)\\w*\\(?\\)?\\s*\\+\\s*\"-\"");
        List<String> joiners = new ArrayList<>();
        for (Path file : javaFiles()) {
            if (join.matcher(Files.readString(file, StandardCharsets.UTF_8)).find() && !file.endsWith("member/MemberKey.java")) {
                joiners.add(MAIN.relativize(file).toString());
            }
        }
        assertEquals(List.of(), joiners);
    }

    private interface NameFilter {
        boolean owned(String name);
    }

    private static void assertWrittenOnceIn(Class<?> owner, String ownerFile, NameFilter filter) throws Exception {
        List<String> names = new ArrayList<>();
        for (Field field : owner.getDeclaredFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                String value = (String) field.get(null);
                if (filter.owned(value)) {
                    names.add(value);
                }
            }
        }
        assertTrue(names.size() > 5, "the owner's names were found: " + names);
        Map<String, List<String>> elsewhere = new TreeMap<>();
        for (Path file : javaFiles()) {
            if (file.endsWith(ownerFile)) {
                continue;
            }
            String source = Files.readString(file, StandardCharsets.UTF_8);
            for (String name : names) {
                Matcher literal = Pattern.compile("\"" + Pattern.quote(name) + "\"").matcher(source);
                if (literal.find()) {
                    elsewhere.computeIfAbsent(name, n -> new ArrayList<>()).add(MAIN.relativize(file).toString());
                }
            }
        }
        assertEquals(Map.of(), elsewhere, "written again outside " + ownerFile);
    }

    private static List<Path> javaFiles() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN)) {
            return files.filter(f -> f.toString().endsWith(".java")).toList();
        }
    }
}
