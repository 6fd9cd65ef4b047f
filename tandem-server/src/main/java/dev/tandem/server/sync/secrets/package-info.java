/**
 * Encryption of stored credentials: AES-256-GCM from the JDK, keyed by {@code TANDEM_SECRET_KEY} (base64 of 32
 * bytes) or, for demos and development, by a key generated into the data directory with a warning.
 */
package dev.tandem.server.sync.secrets;
