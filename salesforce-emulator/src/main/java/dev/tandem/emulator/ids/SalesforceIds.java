package dev.tandem.emulator.ids;

/** Salesforce record ids: the 3-character case-safe checksum and 15/18-character normalisation. */
public final class SalesforceIds {
    private static final String CHECKSUM_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345";

    private SalesforceIds() {
    }

    /** Appends the checksum to a 15-character id. */
    public static String to18(String id15) {
        if (id15 == null || id15.length() != 15 || !isAlphanumeric(id15)) {
            throw new IllegalArgumentException("not a 15-character id: " + id15);
        }
        StringBuilder sb = new StringBuilder(18).append(id15);
        for (int block = 0; block < 3; block++) {
            int flags = 0;
            for (int pos = 0; pos < 5; pos++) {
                char c = id15.charAt(block * 5 + pos);
                if (c >= 'A' && c <= 'Z') {
                    flags |= 1 << pos;
                }
            }
            sb.append(CHECKSUM_ALPHABET.charAt(flags));
        }
        return sb.toString();
    }

    /** True for an 18-character id whose checksum matches its first 15 characters. */
    public static boolean isValid18(String id) {
        return id != null && id.length() == 18 && isAlphanumeric(id) && to18(id.substring(0, 15)).equals(id);
    }

    /**
     * The canonical 18-character form of a 15- or 18-character id, or null when the text is no well-formed id.
     * An 18-character id whose letter case was folded (all upper or all lower) is repaired from its checksum, which
     * exists for exactly that purpose; any other checksum mismatch makes the id malformed.
     */
    public static String normalize(String id) {
        if (id == null || !isAlphanumeric(id)) {
            return null;
        }
        if (id.length() == 15) {
            return to18(id);
        }
        if (id.length() != 18) {
            return null;
        }
        if (isValid18(id)) {
            return id;
        }
        String body = id.substring(0, 15);
        if (!body.equals(body.toLowerCase()) && !body.equals(body.toUpperCase())) {
            // Mixed case cannot come from case folding, so the checksum is simply wrong.
            return null;
        }
        String repaired = restoreCase(id);
        return repaired != null && isValid18(repaired) ? repaired : null;
    }

    private static String restoreCase(String id18) {
        String checksum = id18.substring(15).toUpperCase();
        char[] body = id18.substring(0, 15).toCharArray();
        for (int block = 0; block < 3; block++) {
            int flags = CHECKSUM_ALPHABET.indexOf(checksum.charAt(block));
            if (flags < 0) {
                return null;
            }
            for (int pos = 0; pos < 5; pos++) {
                int i = block * 5 + pos;
                boolean upper = (flags & (1 << pos)) != 0;
                if (Character.isLetter(body[i])) {
                    body[i] = upper ? Character.toUpperCase(body[i]) : Character.toLowerCase(body[i]);
                } else if (upper) {
                    return null;
                }
            }
        }
        return new String(body) + checksum;
    }

    private static boolean isAlphanumeric(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }
}
