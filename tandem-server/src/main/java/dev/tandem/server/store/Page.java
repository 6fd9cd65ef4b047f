package dev.tandem.server.store;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a keyset-paged read. {@code moreResult} says whether more rows followed when it was read;
 * {@code nextPageToken} continues after its last row (null when nothing follows, except for reads such as the
 * activity log that can be resumed later and so always carry a token).
 */
public record Page<T>(List<T> items, String nextPageToken, boolean moreResult) {

    public Page {
        items = List.copyOf(items);
    }

    /** The same page with its items transformed. */
    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), nextPageToken, moreResult);
    }

    /**
     * Builds a page from a read of {@code limit + 1} rows: the extra row only proves that more follow, and the
     * token is made from the last row kept (null when no more).
     */
    public static <T> Page<T> of(List<T> fetched, int limit, Function<T, String> tokenOf) {
        if (fetched.size() <= limit) {
            return new Page<>(fetched, null, false);
        }
        List<T> kept = fetched.subList(0, limit);
        return new Page<>(kept, tokenOf.apply(kept.get(limit - 1)), true);
    }

    /**
     * As {@link #of} but always carrying a token: after the last row kept, or {@code currentToken} when the
     * page is empty, so a reader can poll again later from where it stopped.
     */
    public static <T> Page<T> resumable(List<T> fetched, int limit, Function<T, String> tokenOf, String currentToken) {
        boolean more = fetched.size() > limit;
        List<T> kept = more ? fetched.subList(0, limit) : fetched;
        String token = kept.isEmpty() ? currentToken : tokenOf.apply(kept.get(kept.size() - 1));
        return new Page<>(kept, token, more);
    }
}
