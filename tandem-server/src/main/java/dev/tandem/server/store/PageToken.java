package dev.tandem.server.store;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

/**
 * Opaque paging tokens carrying the keyset position (one or more numbers) of the last row returned.
 * A token is tagged with what it pages so a token from one read cannot be replayed against another.
 */
public final class PageToken {

    private PageToken() {
    }

    /** Encodes a position for the named read. */
    public static String encode(String kind, long... keys) {
        StringBuilder text = new StringBuilder(kind);
        for (long key : keys) {
            text.append(':').append(key);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Decodes a token made by {@link #encode} for the same read.
     *
     * @throws IllegalArgumentException naming {@code nextPageToken} when the token is malformed or foreign
     */
    public static long[] decode(String kind, int keyCount, String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            String[] parts = text.split(":");
            if (parts.length != keyCount + 1 || !parts[0].equals(kind)) {
                throw new IllegalArgumentException("nextPageToken: not a token for this request");
            }
            return Arrays.stream(parts, 1, parts.length).mapToLong(Long::parseLong).toArray();
        } catch (IllegalArgumentException e) {
            if (e.getMessage() != null && e.getMessage().startsWith("nextPageToken:")) {
                throw e;
            }
            throw new IllegalArgumentException("nextPageToken: malformed token");
        }
    }
}
