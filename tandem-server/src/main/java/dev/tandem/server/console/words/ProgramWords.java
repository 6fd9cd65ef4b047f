package dev.tandem.server.console.words;

import java.util.Map;

/** A program named in a sentence: by its name when known, else by its id. */
final class ProgramWords {

    private ProgramWords() {
    }

    /** "program “Autumn Webinar”", or "program 12" when the name is unknown (e.g. deleted since). */
    static String program(Long programId, Map<Long, String> names) {
        if (programId == null) {
            return "the campaign's program";
        }
        String name = names.get(programId);
        return name == null ? "program " + programId : "program " + Phrases.quoted(name);
    }
}
