package dev.tandem.server.sync.outbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Folds a burst of outbox rows into one push per member: only the last desired state matters to Salesforce. */
public final class Coalescer {

    private Coalescer() {
    }

    /** One push per member, in the order each member first appears; the newest row (highest id) decides. */
    public static List<PendingPush> coalesce(List<OutboxEntry> entries) {
        Map<MemberKey, List<OutboxEntry>> byMember = new LinkedHashMap<>();
        entries.stream().sorted(Comparator.comparingLong(OutboxEntry::id))
                .forEach(e -> byMember.computeIfAbsent(e.member(), k -> new ArrayList<>()).add(e));
        List<PendingPush> pushes = new ArrayList<>(byMember.size());
        byMember.forEach((member, rows) -> {
            OutboxEntry last = rows.get(rows.size() - 1);
            int attempts = rows.stream().mapToInt(OutboxEntry::attempts).max().orElse(0);
            pushes.add(new PendingPush(member, last.desired(), rows.stream().map(OutboxEntry::id).toList(), attempts));
        });
        return pushes;
    }
}
