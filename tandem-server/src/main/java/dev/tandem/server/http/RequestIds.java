package dev.tandem.server.http;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Makes Marketo-looking request ids ({@code "e42b#18c5f0a1b2c"}): a random part and the time in hex. */
public final class RequestIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private RequestIds() {
    }

    /** A new request id. */
    public static String next() {
        byte[] bytes = new byte[2];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes) + "#" + Long.toHexString(System.currentTimeMillis());
    }
}
