package dev.tandem.server.domain.activity;

import dev.tandem.core.activity.Activity;
import dev.tandem.server.domain.Batches;
import dev.tandem.server.domain.DomainException;
import dev.tandem.server.domain.PageTokens;
import dev.tandem.server.store.ActivityDao;
import dev.tandem.server.store.Page;
import dev.tandem.server.store.PageToken;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The append-only activity log: writes inside the caller's transaction, reads by keyset pages. */
public final class ActivityLog {

    /** Largest page a read returns, as Marketo's activities endpoint. */
    public static final int MAX_BATCH = 300;

    private static final String TOKEN_KIND = "activities";

    private final Jdbi jdbi;
    private final ActivityDao dao = new ActivityDao();
    private final List<ActivityListener> listeners = new CopyOnWriteArrayList<>();

    public ActivityLog(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** Registers a listener told of every append from now on. */
    public void addListener(ActivityListener listener) {
        listeners.add(listener);
    }

    /**
     * Stores the activity within {@code tx} (the caller's transaction boundary) and tells the listeners in the
     * same transaction. Returns the activity with its id.
     */
    public Activity append(Handle tx, Activity activity) {
        if (activity.id() != null) {
            throw new IllegalArgumentException("activity: already stored as " + activity.id());
        }
        Activity stored = activity.withId(dao.insert(tx, activity));
        for (ActivityListener listener : listeners) {
            listener.onAppended(tx, stored);
        }
        return stored;
    }

    /**
     * Stores the activities in one batch within {@code tx}, then tells the listeners of each in order.
     * Returns the activities with their ids, in the given order.
     */
    public List<Activity> appendAll(Handle tx, List<Activity> activities) {
        for (Activity activity : activities) {
            if (activity.id() != null) {
                throw new IllegalArgumentException("activity: already stored as " + activity.id());
            }
        }
        List<Long> ids = dao.insertAll(tx, activities);
        List<Activity> stored = new ArrayList<>(activities.size());
        for (int i = 0; i < activities.size(); i++) {
            stored.add(activities.get(i).withId(ids.get(i)));
        }
        for (Activity activity : stored) {
            for (ActivityListener listener : listeners) {
                listener.onAppended(tx, activity);
            }
        }
        return stored;
    }

    /** A token that starts a read at the first activity on or after {@code since}. */
    public String pagingToken(Instant since) {
        return PageToken.encode(TOKEN_KIND, since.getEpochSecond(), since.getNano(), 0);
    }

    /**
     * One page of matching activities after the token's position, oldest first; the page always carries a
     * token to resume from, even when it is the last one for now. Read-only, no transaction.
     *
     * @param pageToken from {@link #pagingToken(Instant)} or a previous page
     */
    public Page<Activity> read(ActivityQuery query, String pageToken, int batchSize) {
        Batches.requirePageSize("batchSize", batchSize, MAX_BATCH);
        if (pageToken == null || pageToken.isBlank()) {
            throw DomainException.blank("nextPageToken");
        }
        long[] position = PageTokens.position(TOKEN_KIND, 3, pageToken);
        Instant after = Instant.ofEpochSecond(position[0], position[1]);
        List<Activity> fetched = jdbi.withHandle(h -> dao.after(h, after, position[2], query.typeIds(),
                query.personIds(), batchSize + 1));
        return Page.resumable(fetched, batchSize, a -> PageToken.encode(TOKEN_KIND, a.occurredAt().getEpochSecond(),
                a.occurredAt().getNano(), a.id()), pageToken);
    }
}
