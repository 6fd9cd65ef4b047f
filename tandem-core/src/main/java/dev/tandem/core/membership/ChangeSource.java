package dev.tandem.core.membership;

/** Where a membership change came from; decides whether it may move a member backwards. */
public enum ChangeSource {
    API,
    FLOW,
    CONSOLE,
    IMPORT,
    SALESFORCE;

    /** Local sources are held to the forward-only rule; Salesforce is held to it only when configured. */
    public boolean isForwardOnly(boolean pullForwardOnly) {
        return this != SALESFORCE || pullForwardOnly;
    }
}
