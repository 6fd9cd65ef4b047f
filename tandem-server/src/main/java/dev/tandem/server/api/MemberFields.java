package dev.tandem.server.api;

import dev.tandem.core.membership.Membership;
import dev.tandem.server.http.ApiException;
import dev.tandem.server.http.ErrorCode;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Program member fields, as Marketo's program member query names them. */
final class MemberFields {
    /** The fields returned when the client names none (besides leadId and programId, always present). */
    static final List<String> DEFAULTS = List.of("acquiredBy", "membershipDate", "reachedSuccess");

    private static final Map<String, Function<Membership, Object>> READERS = Map.of(
            "acquiredBy", Membership::acquiredBy,
            "membershipDate", Membership::membershipDate,
            "reachedSuccess", Membership::reachedSuccess,
            "reachedSuccessDate", Membership::reachedSuccessDate,
            "statusName", Membership::status,
            "progressionStatus", Membership::status,
            "updatedAt", Membership::updatedAt);

    private MemberFields() {
    }

    static Object value(Membership membership, String field) {
        return READERS.get(field).apply(membership);
    }

    /** Validates a {@code fields} parameter: 1006 naming the first unknown field; leadId/programId are implied. */
    static List<String> requested(List<String> fields) {
        if (fields.isEmpty()) {
            return DEFAULTS;
        }
        List<String> extra = fields.stream().filter(f -> !f.equals("leadId") && !f.equals("programId")).toList();
        for (String field : extra) {
            if (!READERS.containsKey(field)) {
                throw new ApiException(ErrorCode.FIELD_NOT_FOUND, "Field '" + field + "' not found");
            }
        }
        return extra;
    }
}
