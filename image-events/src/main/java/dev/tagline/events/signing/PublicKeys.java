package dev.tagline.events.signing;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The public keys image policies trust, as {@code cosign generate-key-pair} and {@code openssl pkey -pubout} write
 * them: one PEM {@code PUBLIC KEY} block (X.509 SubjectPublicKeyInfo). ECDSA on P-256, Ed25519 and RSA of at least
 * 2048 bits are accepted. Parsing uses the JDK's own key factories; a fingerprint is {@code sha256:<hex>} of the DER
 * encoding, the same for every spelling of one key.
 */
public final class PublicKeys {

    /** Longest PEM accepted: an RSA 8192-bit key is about 1.5 KB. */
    public static final int MAX_PEM_LENGTH = 4096;

    private static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM =
            Pattern.compile("\\s*-----BEGIN PUBLIC KEY-----\\s*([A-Za-z0-9+/=\\s]+?)\\s*-----END PUBLIC KEY-----\\s*");
    private static final List<String> ALGORITHMS = List.of("EC", "Ed25519", "RSA");

    private PublicKeys() {}

    /** Parses one PEM {@code PUBLIC KEY} block; the exception's message never contains the input. */
    public static PublicKey parse(String pem) {
        if (pem == null || pem.isBlank()) {
            throw new InvalidPublicKeyException("is empty; expected a PEM block -----BEGIN PUBLIC KEY-----");
        }
        if (pem.length() > MAX_PEM_LENGTH) {
            throw new InvalidPublicKeyException("is " + pem.length() + " characters; at most " + MAX_PEM_LENGTH);
        }
        Matcher matcher = PEM.matcher(pem);
        if (!matcher.matches()) {
            throw new InvalidPublicKeyException("is not one PEM block -----BEGIN PUBLIC KEY----- … "
                    + "-----END PUBLIC KEY----- (private keys and certificates are not accepted)");
        }
        byte[] der;
        try {
            der = Base64.getMimeDecoder().decode(matcher.group(1));
        } catch (IllegalArgumentException e) {
            throw new InvalidPublicKeyException("has a body that is not base64");
        }
        for (String algorithm : ALGORITHMS) {
            PublicKey key = decode(algorithm, der);
            if (key != null) {
                return checked(key);
            }
        }
        throw new InvalidPublicKeyException("is not an ECDSA P-256, Ed25519 or RSA public key");
    }

    /** {@code sha256:<hex>} of the key's DER encoding. */
    public static String fingerprint(PublicKey key) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return "sha256:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The fingerprint of a PEM key; see {@link #parse}. */
    public static String fingerprint(String pem) {
        return fingerprint(parse(pem));
    }

    /**
     * The JCA signature algorithm cosign signs with for this kind of key: ECDSA with SHA-256 (DER signature),
     * Ed25519, or RSA PKCS#1 v1.5 with SHA-256.
     */
    public static String signatureAlgorithm(PublicKey key) {
        return switch (key.getAlgorithm()) {
            case "EC" -> "SHA256withECDSA";
            case "EdDSA", "Ed25519" -> "Ed25519";
            case "RSA" -> "SHA256withRSA";
            default -> throw new InvalidPublicKeyException("has the unsupported algorithm " + key.getAlgorithm());
        };
    }

    private static PublicKey decode(String algorithm, byte[] der) {
        try {
            return KeyFactory.getInstance(algorithm).generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException | ClassCastException e) {
            return null;
        }
    }

    private static PublicKey checked(PublicKey key) {
        // The JDK names a named curve "secp256r1 [NIST P-256, X9.62 prime256v1] (1.2.840.10045.3.1.7)".
        if (key instanceof ECPublicKey ec && !ec.getParams().toString().startsWith("secp256r1")) {
            throw new InvalidPublicKeyException("is an ECDSA key on a curve other than P-256");
        }
        if (key instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            throw new InvalidPublicKeyException(
                    "is an RSA key of " + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS);
        }
        return key;
    }
}
