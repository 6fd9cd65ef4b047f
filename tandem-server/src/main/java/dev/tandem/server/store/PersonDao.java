package dev.tandem.server.store;

import dev.tandem.core.person.Person;
import dev.tandem.core.person.PersonFields;
import dev.tandem.core.person.SfdcType;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads and writes people. Every multi-row read is bounded by a limit or an explicit id list. */
public final class PersonDao {

    private static final String COLUMNS = "id, email, first_name, last_name, company, title, phone, sfdc_type, "
            + "sfdc_id, sfdc_is_deleted, acquisition_program_id, acquisition_date, created_at, updated_at";

    /** A searchable column of people; values of EMAIL are matched ignoring case. */
    public enum Key {
        ID("id"), EMAIL("email_key"), SFDC_ID("sfdc_id");

        private final String column;

        Key(String column) {
            this.column = column;
        }
    }

    /** Stores a new person and returns their id. */
    public long insert(Handle handle, PersonFields fields, Instant now) {
        return handle.createUpdate("INSERT INTO people (email, email_key, first_name, last_name, company, title, phone, "
                        + "sfdc_type, sfdc_id, sfdc_is_deleted, created_at, updated_at) VALUES (:email, :emailKey, "
                        + ":firstName, :lastName, :company, :title, :phone, :sfdcType, :sfdcId, FALSE, :now, :now)")
                .bind("email", fields.email()).bind("emailKey", emailKey(fields.email()))
                .bind("firstName", fields.firstName()).bind("lastName", fields.lastName())
                .bind("company", fields.company()).bind("title", fields.title()).bind("phone", fields.phone())
                .bind("sfdcType", fields.sfdcType() == null ? null : fields.sfdcType().name())
                .bind("sfdcId", fields.sfdcId()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).one();
    }

    /**
     * Stores a new person unless some person already holds {@code fields.sfdcId()}, in which case nothing is written
     * and the result is empty. On PostgreSQL a concurrent, uncommitted insert of the same Salesforce id is waited
     * for; the caller's transaction survives either way (no unique violation is raised).
     */
    public Optional<Long> insertUnlessSalesforceIdHeld(Handle handle, PersonFields fields, Instant now) {
        // No conflict target: H2's PostgreSQL mode accepts only the bare form, and people_sfdc_id_uq is the only
        // unique constraint besides the generated primary key.
        return handle.createUpdate("INSERT INTO people (email, email_key, first_name, last_name, company, title, "
                        + "phone, sfdc_type, sfdc_id, sfdc_is_deleted, created_at, updated_at) VALUES (:email, "
                        + ":emailKey, :firstName, :lastName, :company, :title, :phone, :sfdcType, :sfdcId, FALSE, "
                        + ":now, :now) ON CONFLICT DO NOTHING")
                .bind("email", fields.email()).bind("emailKey", emailKey(fields.email()))
                .bind("firstName", fields.firstName()).bind("lastName", fields.lastName())
                .bind("company", fields.company()).bind("title", fields.title()).bind("phone", fields.phone())
                .bind("sfdcType", fields.sfdcType() == null ? null : fields.sfdcType().name())
                .bind("sfdcId", fields.sfdcId()).bind("now", now)
                .executeAndReturnGeneratedKeys("id").mapTo(Long.class).findOne();
    }

    /** Writes every field of the person as given (the caller has merged the update already). */
    public void update(Handle handle, Person person, Instant now) {
        handle.createUpdate("UPDATE people SET email = :email, email_key = :emailKey, first_name = :firstName, "
                        + "last_name = :lastName, company = :company, title = :title, phone = :phone, "
                        + "sfdc_type = :sfdcType, sfdc_id = :sfdcId, sfdc_is_deleted = :deleted, updated_at = :now "
                        + "WHERE id = :id")
                .bind("id", person.id()).bind("email", person.email()).bind("emailKey", emailKey(person.email()))
                .bind("firstName", person.firstName()).bind("lastName", person.lastName())
                .bind("company", person.company()).bind("title", person.title()).bind("phone", person.phone())
                .bind("sfdcType", person.sfdcType() == null ? null : person.sfdcType().name())
                .bind("sfdcId", person.sfdcId()).bind("deleted", person.sfdcIsDeleted()).bind("now", now)
                .execute();
    }

    /**
     * Links the person to their Salesforce record (and clears a deleted mark) without touching their other fields,
     * which may have changed since the caller read them.
     */
    public void linkToSalesforce(Handle handle, long personId, SfdcType type, String sfdcId, Instant now) {
        handle.createUpdate("UPDATE people SET sfdc_type = :type, sfdc_id = :sfdcId, sfdc_is_deleted = FALSE, "
                        + "updated_at = :now WHERE id = :id")
                .bind("id", personId).bind("type", type.name()).bind("sfdcId", sfdcId).bind("now", now)
                .execute();
    }

    /** Which of these Salesforce ids some person already holds. */
    public Set<String> heldSalesforceIds(Handle handle, Collection<String> sfdcIds) {
        Set<String> held = new HashSet<>();
        List<String> ids = List.copyOf(sfdcIds);
        for (int from = 0; from < ids.size(); from += 1000) {
            handle.createQuery("SELECT sfdc_id FROM people WHERE sfdc_id IN (<ids>)")
                    .bindList("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                    .mapTo(String.class).forEach(held::add);
        }
        return held;
    }

    /** Writes the Salesforce record (type and id) of each person, in one batch; other fields are left alone. */
    public void linkAll(Handle handle, Collection<Person> linked, Instant now) {
        if (linked.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("UPDATE people SET sfdc_type = :sfdcType, sfdc_id = :sfdcId, "
                + "sfdc_is_deleted = :deleted, updated_at = :now WHERE id = :id");
        for (Person person : linked) {
            batch.bind("sfdcType", person.sfdcType() == null ? null : person.sfdcType().name())
                    .bind("sfdcId", person.sfdcId()).bind("deleted", person.sfdcIsDeleted()).bind("now", now)
                    .bind("id", person.id()).add();
        }
        batch.execute();
    }

    /** Records the program that acquired these people, for those not acquired yet. */
    public void setAcquisition(Handle handle, Collection<Long> personIds, long programId, Instant when) {
        if (personIds.isEmpty()) {
            return;
        }
        // COALESCE instead of "WHERE acquisition_program_id IS NULL": right after a bulk import almost every row
        // is NULL, and with stale statistics PostgreSQL would scan that whole index for every batch.
        handle.createUpdate("UPDATE people SET acquisition_program_id = COALESCE(acquisition_program_id, :program), "
                        + "acquisition_date = CASE WHEN acquisition_program_id IS NULL THEN :when ELSE acquisition_date END, "
                        + "updated_at = :when WHERE id IN (<ids>)")
                .bindList("ids", List.copyOf(personIds)).bind("program", programId).bind("when", when).execute();
    }

    /** The person with this id. */
    public Optional<Person> byId(Handle handle, long id) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM people WHERE id = :id").bind("id", id)
                .map((rs, ctx) -> row(rs)).findOne();
    }

    /** Up to {@code limit} people whose key column equals one of the values, in id order after {@code afterId}. */
    public List<Person> find(Handle handle, Key key, Collection<?> values, long afterId, int limit) {
        if (values.isEmpty()) {
            return List.of();
        }
        List<?> bound = key == Key.EMAIL
                ? values.stream().map(v -> emailKey(String.valueOf(v))).toList()
                : List.copyOf(values);
        return handle.createQuery("SELECT " + COLUMNS + " FROM people WHERE " + key.column + " IN (<values>) "
                        + "AND id > :after ORDER BY id LIMIT :limit")
                .bindList("values", bound).bind("after", afterId).bind("limit", limit)
                .map((rs, ctx) -> row(rs)).list();
    }

    /** Up to {@code limit} people in id order after {@code afterId}: a keyset walk over the whole table. */
    public List<Person> scan(Handle handle, long afterId, int limit) {
        return handle.createQuery("SELECT " + COLUMNS + " FROM people WHERE id > :after ORDER BY id LIMIT :limit")
                .bind("after", afterId).bind("limit", limit).map((rs, ctx) -> row(rs)).list();
    }

    /** Lower-cased email, the form email lookups compare. */
    static String emailKey(String email) {
        return email == null ? null : email.toLowerCase(Locale.ROOT);
    }

    private static Person row(ResultSet rs) throws SQLException {
        String sfdcType = rs.getString("sfdc_type");
        Long acquisitionProgram = rs.getObject("acquisition_program_id", Long.class);
        return new Person(rs.getLong("id"), rs.getString("email"), rs.getString("first_name"),
                rs.getString("last_name"), rs.getString("company"), rs.getString("title"), rs.getString("phone"),
                sfdcType == null ? null : SfdcType.valueOf(sfdcType), rs.getString("sfdc_id"),
                rs.getBoolean("sfdc_is_deleted"), acquisitionProgram,
                TimeMapping.read(rs, "acquisition_date"), TimeMapping.read(rs, "created_at"),
                TimeMapping.read(rs, "updated_at"));
    }
}
