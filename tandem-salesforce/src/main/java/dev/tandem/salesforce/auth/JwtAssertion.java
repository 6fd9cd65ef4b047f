package dev.tandem.salesforce.auth;

import dev.tandem.salesforce.http.Json;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the RS256-signed JWT of the OAuth JWT bearer flow with the JDK's own crypto. */
public final class JwtAssertion {
    /** Salesforce accepts assertions that expire within a few minutes; three is the common choice. */
    static final Duration LIFETIME = Duration.ofMinutes(3);
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();

    private JwtAssertion() {
    }

    /** The signed assertion with claims iss=clientId, sub=username, aud=audience, exp=now+3 min. */
    public static String sign(String clientId, String username, String audience, Instant now, PrivateKey key) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", clientId);
        claims.put("sub", username);
        claims.put("aud", audience);
        claims.put("exp", now.plus(LIFETIME).getEpochSecond());
        String signingInput = B64URL.encodeToString(Json.write(Map.of("alg", "RS256")))
                + "." + B64URL.encodeToString(Json.write(claims));
        try {
            Signature signature = Signature.getInstance("SHA256withRSA");
            signature.initSign(key);
            signature.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + B64URL.encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("privateKeyPem cannot sign with SHA256withRSA: " + e.getMessage(), e);
        }
    }

    /** Reads an unencrypted PKCS#8 RSA key ({@code -----BEGIN PRIVATE KEY-----}). */
    public static PrivateKey parsePrivateKey(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("privateKeyPem is required for JWT bearer authentication");
        }
        if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("ENCRYPTED")) {
            throw new IllegalArgumentException("privateKeyPem must be an unencrypted PKCS#8 key (BEGIN PRIVATE KEY);"
                    + " convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
        }
        String base64 = pem.replaceAll("-----(BEGIN|END) PRIVATE KEY-----", "").replaceAll("\\s", "");
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (IllegalArgumentException | GeneralSecurityException e) {
            throw new IllegalArgumentException("privateKeyPem is not a readable PKCS#8 RSA private key", e);
        }
    }
}
