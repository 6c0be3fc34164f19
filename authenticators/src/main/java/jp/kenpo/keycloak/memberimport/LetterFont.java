package jp.kenpo.keycloak.memberimport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The font the letters' PDF embeds: IPA Gothic from the pack's jar (works on a stock server, licence in
 * the jar), or a TrueType file ({@code .ttf}; not a collection {@code .ttc}) that the server option
 * {@code --spi-admin-realm-restapi-extension--kenpo-member-import--letter-font} names, e.g. the union's
 * corporate font. The file must have the glyphs of the letters' Japanese texts and of members' names;
 * characters it lacks print as 〓.
 */
public record LetterFont(Path file) {

    /** The IPA Gothic in the jar. */
    public static final LetterFont BUNDLED = new LetterFont(null);

    /** The font at {@code path}, or the bundled one when it is blank; a path that is no readable file is refused at once. */
    public static LetterFont of(String path) {
        if (path == null || path.isBlank()) {
            return BUNDLED;
        }
        Path file = Path.of(path.strip());
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new IllegalArgumentException("The letter font " + file + " is not a readable file");
        }
        return new LetterFont(file);
    }

    InputStream open() throws IOException {
        return file == null ? LetterFont.class.getResourceAsStream("fonts/ipag.ttf") : Files.newInputStream(file);
    }

    @Override
    public String toString() {
        return file == null ? "IPA Gothic (bundled)" : file.toString();
    }
}
