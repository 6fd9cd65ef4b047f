package dev.tandem.emulator.auth;

import com.auth0.jwt.JWT;
import com.auth0.jwt.JWTVerifier;
import com.auth0.jwt.algorithms.Algorithm;
import com.auth0.jwt.exceptions.JWTVerificationException;
import com.auth0.jwt.interfaces.DecodedJWT;
import dev.tandem.emulator.org.EmulatorClock;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.cert.CertificateFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;

/** Verifies JWT bearer assertions (RS256) against the connected app's configured key or certificate. */
final class JwtBearer {
    private final RSAPublicKey key;
    private final EmulatorClock clock;

    /** @param pem a "BEGIN PUBLIC KEY" or "BEGIN CERTIFICATE" PEM, or null when the flow is not configured */
    JwtBearer(String pem, EmulatorClock clock) {
        this.key = pem == null ? null : parse(pem);
        this.clock = clock;
    }

    static RSAPublicKey parse(String pem) {
        try {
            if (pem.contains("BEGIN CERTIFICATE")) {
                CertificateFactory cf = CertificateFactory.getInstance("X.509");
                PublicKey k = cf.generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                        .getPublicKey();
                return (RSAPublicKey) k;
            }
            String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("the JWT public key is not an RSA public key or certificate in PEM", e);
        }
    }

    /** The verified assertion's subject and issuer; throws OAuthError for any failure. */
    DecodedJWT verify(String assertion, String clientId, String... audiences) {
        if (key == null) {
            throw new OAuthError("invalid_grant", "invalid assertion");
        }
        Instant now = clock.now();
        JWTVerifier verifier = ((JWTVerifier.BaseVerification) JWT.require(Algorithm.RSA256(key, null))
                .withIssuer(clientId)
                .withAnyOfAudience(audiences)
                .withClaimPresence("exp")
                .withClaimPresence("sub"))
                .build(Clock.fixed(now, ZoneOffset.UTC));
        try {
            return verifier.verify(assertion);
        } catch (com.auth0.jwt.exceptions.TokenExpiredException e) {
            throw new OAuthError("invalid_grant", "expired authorization code");
        } catch (com.auth0.jwt.exceptions.IncorrectClaimException e) {
            if ("iss".equals(e.getClaimName())) {
                throw new OAuthError("invalid_client_id", "client identifier invalid");
            }
            throw new OAuthError("invalid_grant", "audience is invalid");
        } catch (JWTVerificationException e) {
            throw new OAuthError("invalid_grant", "invalid assertion");
        }
    }
}
