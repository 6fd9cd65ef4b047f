package dev.tandem.salesforce.limits;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the {@code Sforce-Limit-Info} response header ({@code api-usage=<used>/<max>}, maybe among others). */
public final class LimitInfoHeader {
    public static final String NAME = "Sforce-Limit-Info";
    private static final Pattern API_USAGE = Pattern.compile("(?:^|[,;\\s])api-usage\\s*=\\s*(\\d+)\\s*/\\s*(\\d+)");

    private LimitInfoHeader() {
    }

    /** The reported {@code used} and {@code max}, or empty when the header is missing or has no api-usage part. */
    public static Optional<long[]> parse(String headerValue) {
        if (headerValue == null) {
            return Optional.empty();
        }
        Matcher m = API_USAGE.matcher(headerValue.trim());
        if (!m.find()) {
            return Optional.empty();
        }
        try {
            long used = Long.parseLong(m.group(1));
            long max = Long.parseLong(m.group(2));
            return max > 0 ? Optional.of(new long[] {used, max}) : Optional.empty();
        } catch (NumberFormatException tooLarge) {
            return Optional.empty();
        }
    }
}
