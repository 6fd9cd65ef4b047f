package dev.tandem.core.token;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code {{my.Name}}} references in flow step parameters: finding them and replacing them with token values. Names
 * match ignoring case and surrounding spaces, as Marketo's do.
 */
public final class TokenText {

    private static final Pattern REFERENCE = Pattern.compile("\\{\\{\\s*my\\.([^{}]+?)\\s*}}",
            Pattern.CASE_INSENSITIVE);

    private TokenText() {
    }

    /** The outcome of replacing references: the text, or the names that had no value. */
    public record Resolution(String text, List<String> missing) {
        /** Whether every reference had a value. */
        public boolean complete() {
            return missing.isEmpty();
        }
    }

    /** Whether {@code text} holds a token reference. */
    public static boolean hasReference(String text) {
        return text != null && REFERENCE.matcher(text).find();
    }

    /** The token names {@code text} refers to, in order of first appearance. */
    public static List<String> references(String text) {
        Set<String> names = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                names.add(m.group(1).trim());
            }
        }
        return List.copyOf(names);
    }

    /**
     * Replaces every reference in {@code text} by its value in {@code values} (keyed by {@link #key(String)}).
     * References without a value are left as they are and reported.
     */
    public static Resolution resolve(String text, Map<String, String> values) {
        if (text == null) {
            return new Resolution(null, List.of());
        }
        List<String> missing = new ArrayList<>();
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            String value = values.get(key(name));
            if (value == null) {
                if (!missing.contains(name)) {
                    missing.add(name);
                }
                m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
            } else {
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
        }
        m.appendTail(out);
        return new Resolution(out.toString(), List.copyOf(missing));
    }

    /** The lookup key of a token name: trimmed, lower case. */
    public static String key(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    /** The reference to a token name. */
    public static String reference(String name) {
        return "{{my." + name + "}}";
    }

    /**
     * The name a request gives as {@code {{my.name}}} (Marketo's trigger.json and schedule.json form), or a bare name
     * as the token endpoints take it.
     *
     * @throws IllegalArgumentException when it is not a usable name
     */
    public static String nameOf(String given) {
        String value = given == null ? "" : given.trim();
        Matcher m = REFERENCE.matcher(value);
        if (m.matches()) {
            return checkName(m.group(1));
        }
        return checkName(value);
    }

    static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name: required");
        }
        String trimmed = name.trim();
        if (trimmed.length() > MyToken.MAX_NAME) {
            throw new IllegalArgumentException("name: at most " + MyToken.MAX_NAME + " characters");
        }
        if (trimmed.contains("{") || trimmed.contains("}")) {
            throw new IllegalArgumentException("name: '" + name + "' must not contain braces (give the bare name, "
                    + "e.g. Event Date, or {{my.Event Date}})");
        }
        return trimmed;
    }
}
