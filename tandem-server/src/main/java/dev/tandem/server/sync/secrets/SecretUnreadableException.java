package dev.tandem.server.sync.secrets;

/** A stored secret cannot be decrypted: the key changed, or the stored value was altered. */
public final class SecretUnreadableException extends RuntimeException {

    /** For the secret stored under {@code purpose}; the message never includes the value. */
    public SecretUnreadableException(String purpose) {
        super("stored secret '" + purpose + "' cannot be decrypted with the current TANDEM_SECRET_KEY;"
                + " set the key it was stored with, or enter the credential again");
    }
}
