package dev.tandem.server.domain;

import dev.tandem.server.store.PageToken;

/** Reads the paging tokens clients send back, refusing a malformed or foreign one as invalid input. */
public final class PageTokens {

    private PageTokens() {
    }

    /** The keyset position of a token made for the read {@code kind}; 1003 naming nextPageToken otherwise. */
    public static long[] position(String kind, int keyCount, String token) {
        try {
            return PageToken.decode(kind, keyCount, token);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(e.getMessage());
        }
    }
}
