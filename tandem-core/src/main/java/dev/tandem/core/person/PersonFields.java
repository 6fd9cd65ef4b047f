package dev.tandem.core.person;

/**
 * The writable fields of a person as given by a caller. A null field means "not given": creating leaves it
 * empty, updating keeps the stored value.
 */
public record PersonFields(String email, String firstName, String lastName, String company, String title,
                           String phone, SfdcType sfdcType, String sfdcId) {

    /** Longest value accepted in any text field. */
    public static final int MAX_LENGTH = 255;

    public PersonFields {
        email = clean("email", email);
        firstName = clean("firstName", firstName);
        lastName = clean("lastName", lastName);
        company = clean("company", company);
        title = clean("title", title);
        phone = clean("phone", phone);
        sfdcId = clean("sfdcId", sfdcId);
        if (email != null && !looksLikeEmail(email)) {
            throw new IllegalArgumentException("email: '" + email + "' is not an email address");
        }
        if (sfdcId != null && sfdcId.length() != 15 && sfdcId.length() != 18) {
            throw new IllegalArgumentException("sfdcId: must be a 15- or 18-character Salesforce id");
        }
        if (sfdcId != null && sfdcType == null) {
            throw new IllegalArgumentException("sfdcType: must be set when sfdcId is set");
        }
    }

    /** Only an email. */
    public static PersonFields ofEmail(String email) {
        return new PersonFields(email, null, null, null, null, null, null, null);
    }

    /** The person that results from applying these fields over an existing one (given fields win). */
    public Person applyTo(Person existing) {
        return new Person(existing.id(), pick(email, existing.email()), pick(firstName, existing.firstName()),
                pick(lastName, existing.lastName()), pick(company, existing.company()), pick(title, existing.title()),
                pick(phone, existing.phone()), sfdcType != null ? sfdcType : existing.sfdcType(),
                pick(sfdcId, existing.sfdcId()), existing.sfdcIsDeleted(), existing.acquisitionProgramId(),
                existing.acquisitionDate(), existing.createdAt(), existing.updatedAt());
    }

    private static String pick(String given, String stored) {
        return given != null ? given : stored;
    }

    private static String clean(String field, String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.trim();
        if (trimmed.length() > MAX_LENGTH) {
            throw new IllegalArgumentException(field + ": must be at most " + MAX_LENGTH + " characters");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    // Deliberately loose: one '@' with text either side and a dot in the domain; full RFC 5322 is not the point.
    private static boolean looksLikeEmail(String email) {
        int at = email.indexOf('@');
        return at > 0 && at == email.lastIndexOf('@') && email.indexOf('.', at) > at + 1
                && !email.endsWith(".") && email.chars().noneMatch(Character::isWhitespace);
    }
}
