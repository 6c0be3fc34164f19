package jp.kenpo.keycloak.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

class MailImportsNoFeatureTest {

    private static final Path MAIL = Path.of("src/main/java/jp/kenpo/keycloak/mail");
    private static final Pattern PACK_IMPORT = Pattern.compile("^import (?:static )?jp\\.kenpo\\.keycloak\\.(\\w+)\\.", Pattern.MULTILINE);

    @Test
    void theMailServiceDependsOnTheCoreOnlyAndFeaturesRegisterTheirMailsWithIt() throws IOException {
        // Features depend on mail (MailJob, MailJobKinds), never the other way round: mail reaches their jobs through ServiceLoader.
        List<String> imported;
        try (Stream<Path> files = Files.list(MAIL)) {
            imported = files.filter(f -> f.toString().endsWith(".java")).flatMap(f -> {
                try {
                    Matcher m = PACK_IMPORT.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    return m.results().map(r -> r.group(1));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }).filter(p -> !p.equals("common") && !p.equals("mail")).distinct().sorted().toList();
        }
        assertEquals(List.of(), imported);
    }
}
