package dev.tagline.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issues RS256 JSON Web Tokens as an identity provider would, for tests and the local stack: the services verify
 * them with the public key this issuer writes ({@code mp.jwt.verify.publickey.location}) and read namespace roles
 * from the {@code groups} claim ({@code team-a:edit}, {@code cluster-admin}).
 */
public final class JwtIssuer {

    public static final String ISSUER = "https://tagline.local/issuer";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final PrivateKey privateKey;
    private final Path publicKeyFile;

    private JwtIssuer(PrivateKey privateKey, Path publicKeyFile) {
        this.privateKey = privateKey;
        this.publicKeyFile = publicKeyFile;
    }

    /** A new key pair, its public key written as PEM into {@code publicKeyFile}. */
    public static JwtIssuer create(Path publicKeyFile) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair keys = generator.generateKeyPair();
            Files.createDirectories(publicKeyFile.toAbsolutePath().getParent());
            Files.writeString(
                    publicKeyFile,
                    "-----BEGIN PUBLIC KEY-----\n"
                            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                                    .encodeToString(keys.getPublic().getEncoded())
                            + "\n-----END PUBLIC KEY-----\n");
            return new JwtIssuer(keys.getPrivate(), publicKeyFile);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The issuer every test in this JVM shares, whichever Quarkus app's class loader asks. */
    public static JwtIssuer shared() {
        String[] keyAndFile = (String[]) JvmWide.call(JwtIssuer.class, "sharedKeyAndFile");
        try {
            PrivateKey key = KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(keyAndFile[0])));
            return new JwtIssuer(key, Path.of(keyAndFile[1]));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JwtIssuer jvmWide;

    // Called through JvmWide in the system class loader's copy; answers JDK types only.
    private static synchronized String[] sharedKeyAndFile() throws IOException {
        if (jvmWide == null) {
            Path file = Files.createTempFile("tagline-jwt", ".pem");
            file.toFile().deleteOnExit();
            jvmWide = create(file);
        }
        return new String[] {
            Base64.getEncoder().encodeToString(jvmWide.privateKey.getEncoded()), jvmWide.publicKeyFile.toString()
        };
    }

    /** Where the PEM public key is, for {@code mp.jwt.verify.publickey.location}. */
    public Path publicKeyFile() {
        return publicKeyFile;
    }

    /** The configuration that makes a service trust this issuer. */
    public Map<String, String> verificationConfig() {
        return Map.of(
                "mp.jwt.verify.publickey.location",
                publicKeyFile.toAbsolutePath().toString(),
                "mp.jwt.verify.issuer",
                ISSUER);
    }

    /** A token for {@code subject} with the given groups, valid for an hour. */
    public String token(String subject, List<String> groups) {
        return token(subject, groups, Instant.now().plus(Duration.ofHours(1)));
    }

    /** A token that expires (or expired) at {@code expiresAt}. */
    public String token(String subject, List<String> groups, Instant expiresAt) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("iss", ISSUER);
        claims.put("sub", subject);
        claims.put("upn", subject);
        claims.put("groups", groups);
        claims.put("iat", Math.min(Instant.now().getEpochSecond(), expiresAt.getEpochSecond() - 60));
        claims.put("exp", expiresAt.getEpochSecond());
        return sign(claims);
    }

    /** A cluster-wide admin, for tests about something other than access control. */
    public String clusterAdmin() {
        return token("tests-admin", List.of("cluster-admin"));
    }

    private String sign(Map<String, Object> claims) {
        try {
            String signingInput = BASE64URL.encodeToString(JSON.writeValueAsBytes(Map.of("alg", "RS256", "typ", "JWT")))
                    + "." + BASE64URL.encodeToString(JSON.writeValueAsBytes(claims));
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(privateKey);
            rs256.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return signingInput + "." + BASE64URL.encodeToString(rs256.sign());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
    }
}
