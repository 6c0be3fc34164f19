package jp.kenpo.keycloak.common;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.keycloak.models.utils.FormMessage;

/**
 * A screen's errors filed so that each shows on its own line. Keycloak joins a field's errors into
 * one run of text ("…ください。 パスワードは…"), which members misread; the second and later errors of
 * a field are filed as {@code field#2}, {@code field#3} … and the template's {@code fieldErrors}
 * (kenpo-common.ftl) shows them under the field, one per line.
 */
public final class FieldErrors {

    /** The most lines one field shows (what the template reads); a password breaks at most a few rules. */
    public static final int MAX_PER_FIELD = 9;

    private FieldErrors() {
    }

    public static List<FormMessage> oneLineEach(List<FormMessage> errors) {
        Map<String, Integer> seen = new HashMap<>();
        List<FormMessage> filed = new ArrayList<>(errors.size());
        for (FormMessage error : errors) {
            String field = error.getField();
            int nth = field == null ? 1 : seen.merge(field, 1, Integer::sum);
            if (nth > MAX_PER_FIELD) {
                continue;
            }
            filed.add(nth == 1 ? error : new FormMessage(field + "#" + nth, error.getMessage(), error.getParameters()));
        }
        return filed;
    }
}
