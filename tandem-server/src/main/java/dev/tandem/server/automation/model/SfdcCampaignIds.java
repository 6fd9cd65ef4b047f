package dev.tandem.server.automation.model;

/** Shape check of Salesforce Campaign ids (key prefix 701, 15 or 18 characters). */
public final class SfdcCampaignIds {

    private SfdcCampaignIds() {
    }

    /** Whether {@code id} looks like a Campaign id. */
    public static boolean isCampaignId(String id) {
        return id != null && (id.length() == 15 || id.length() == 18) && id.startsWith("701")
                && id.chars().allMatch(Character::isLetterOrDigit);
    }

    /** The 15-character, case-sensitive form, so 15- and 18-character spellings of one campaign compare equal. */
    public static String key(String id) {
        return id == null || id.length() < 15 ? id : id.substring(0, 15);
    }
}
