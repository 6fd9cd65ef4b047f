package dev.tandem.core.program;

import java.util.Locale;

/** Kind of marketing program; decides which channels a program may use. */
public enum ProgramType {
    DEFAULT("Default", "program"),
    EVENT("Event", "event"),
    WEBINAR("Event with Webinar", "webinar"),
    ENGAGEMENT("Engagement", "nurture"),
    EMAIL("Email", "email_batch");

    private final String apiName;
    private final String internalName;

    ProgramType(String apiName, String internalName) {
        this.apiName = apiName;
        this.internalName = internalName;
    }

    /** The name the Marketo asset API shows in a program's {@code type} field, e.g. "Event with Webinar". */
    public String apiName() {
        return apiName;
    }

    /** The name Marketo uses in a channel's {@code applicableProgramType}, e.g. "nurture". */
    public String internalName() {
        return internalName;
    }

    /**
     * Parses either spelling (API name or internal name), ignoring case, since clients send both.
     *
     * @throws IllegalArgumentException naming the accepted values when nothing matches
     */
    public static ProgramType parse(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("type: must not be blank");
        }
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (ProgramType type : values()) {
            if (type.apiName.toLowerCase(Locale.ROOT).equals(wanted) || type.internalName.equals(wanted)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type: '" + name
                + "' is not a program type (expected one of Default, Event, Event with Webinar, Engagement, Email)");
    }
}
