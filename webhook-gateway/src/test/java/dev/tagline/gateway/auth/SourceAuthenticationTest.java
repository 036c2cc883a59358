package dev.tagline.gateway.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.gateway.domain.WebhookRequest;
import dev.tagline.web.Secret;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Tokens, GitHub signatures and Standard Webhooks signatures, checked over the exact bytes received. */
class SourceAuthenticationTest {

    private static final Instant NOW = Instant.parse("2025-11-23T14:00:00Z");
    private static final byte[] BODY = "{\"events\":[]}".getBytes(StandardCharsets.UTF_8);
    private static final Duration WINDOW = Duration.ofMinutes(5);

    private final SourceAuthentication token =
            SourceAuthentication.of(Optional.of(Secret.of("t0ken")), Optional.empty(), Optional.empty(), WINDOW, true);
    private final SourceAuthentication basic = SourceAuthentication.of(
            Optional.of(Secret.of("pusher:s3cret")), Optional.empty(), Optional.empty(), WINDOW, true);
    private final SourceAuthentication github = SourceAuthentication.of(
            Optional.empty(), Optional.of(Secret.of("gh-secret")), Optional.of(new GitHubSignature()), WINDOW, true);
    private final SourceAuthentication standard = SourceAuthentication.of(
            Optional.empty(),
            Optional.of(Secret.of("whsec_" + Base64.getEncoder().encodeToString("key-bytes".getBytes()))),
            Optional.of(new StandardWebhooksSignature()),
            WINDOW,
            true);

    @Test
    void the_right_bearer_token_passes_and_any_other_is_refused_with_a_challenge() {
        assertThatCode(() -> token.verify(request(Map.of("Authorization", "Bearer t0ken"))))
                .doesNotThrowAnyException();
        assertThatCode(() -> token.verify(request(Map.of("authorization", "bearer t0ken"))))
                .doesNotThrowAnyException();

        assertRefused(token, Map.of("Authorization", "Bearer t0ken2"), "Authorization");
        assertRefused(token, Map.of("Authorization", "Bearer "), "Authorization");
        assertRefused(token, Map.of(), "Authorization");
        assertRefused(token, Map.of("Authorization", "Digest t0ken"), "Authorization");
        assertThatThrownBy(() -> token.verify(request(Map.of())))
                .isInstanceOfSatisfying(
                        UnauthorizedException.class,
                        e -> assertThat(e.challenge()).isTrue());
    }

    @Test
    void basic_credentials_pass_when_user_and_password_are_the_token() {
        String good = Base64.getEncoder().encodeToString("pusher:s3cret".getBytes(StandardCharsets.UTF_8));
        String bad = Base64.getEncoder().encodeToString("pusher:wrong".getBytes(StandardCharsets.UTF_8));

        assertThatCode(() -> basic.verify(request(Map.of("Authorization", "Basic " + good))))
                .doesNotThrowAnyException();
        assertRefused(basic, Map.of("Authorization", "Basic " + bad), "Authorization");
        assertRefused(basic, Map.of("Authorization", "Basic not-base64!"), "Authorization");
    }

    @Test
    void a_token_in_the_query_passes_for_senders_that_cannot_set_headers_even_beside_their_own_authorization() {
        WebhookRequest plain = new WebhookRequest("s", name -> null, "t0ken", "application/json", BODY, NOW);
        WebhookRequest withOidc = new WebhookRequest(
                "s", headers(Map.of("Authorization", "Bearer eyJhbGciOi.x.y")), "t0ken", "application/json", BODY, NOW);
        WebhookRequest wrong = new WebhookRequest(
                "s", headers(Map.of("Authorization", "Bearer t0ken")), "guess", "application/json", BODY, NOW);

        assertThatCode(() -> token.verify(plain)).doesNotThrowAnyException();
        assertThatCode(() -> token.verify(withOidc)).doesNotThrowAnyException();
        assertThatThrownBy(() -> token.verify(wrong)).isInstanceOf(UnauthorizedException.class);
    }

    @Test
    void a_github_signature_must_be_the_hmac_of_the_exact_body() throws Exception {
        String signature =
                "sha256=" + HexFormat.of().formatHex(hmac("gh-secret".getBytes(StandardCharsets.UTF_8), BODY));

        assertThatCode(() -> github.verify(request(Map.of("X-Hub-Signature-256", signature))))
                .doesNotThrowAnyException();
        WebhookRequest reformatted = new WebhookRequest(
                "s",
                headers(Map.of("X-Hub-Signature-256", signature)),
                null,
                "application/json",
                "{\"events\": []}".getBytes(StandardCharsets.UTF_8),
                NOW);
        assertThatThrownBy(() -> github.verify(reformatted)).isInstanceOf(UnauthorizedException.class);
        assertRefused(github, Map.of("X-Hub-Signature-256", "sha256=00"), "X-Hub-Signature-256");
        assertRefused(github, Map.of("X-Hub-Signature-256", "sha1=" + signature.substring(7)), "X-Hub-Signature-256");
        assertRefused(github, Map.of(), "X-Hub-Signature-256");
    }

    @Test
    void a_standard_webhooks_signature_over_id_timestamp_and_body_passes_within_the_window() throws Exception {
        long timestamp = NOW.minusSeconds(30).getEpochSecond();
        Map<String, String> signed = standardHeaders("msg_2Xc9", timestamp, "key-bytes");

        assertThatCode(() -> standard.verify(request(signed))).doesNotThrowAnyException();
        Map<String, String> rotated = new TreeMap<>(signed);
        rotated.put("webhook-signature", "v1,b2xkLWtleQ== " + signed.get("webhook-signature"));
        assertThatCode(() -> standard.verify(request(rotated))).doesNotThrowAnyException();
    }

    @Test
    void a_standard_webhooks_signature_outside_the_replay_window_is_refused() throws Exception {
        long stale = NOW.minus(Duration.ofMinutes(6)).getEpochSecond();
        long future = NOW.plus(Duration.ofMinutes(6)).getEpochSecond();

        assertRefused(standard, standardHeaders("msg_1", stale, "key-bytes"), "webhook-timestamp");
        assertRefused(standard, standardHeaders("msg_1", future, "key-bytes"), "webhook-timestamp");
    }

    @Test
    void a_standard_webhooks_signature_with_another_key_or_id_is_refused() throws Exception {
        long timestamp = NOW.getEpochSecond();
        Map<String, String> otherKey = standardHeaders("msg_1", timestamp, "other-key");
        Map<String, String> otherId = new TreeMap<>(standardHeaders("msg_1", timestamp, "key-bytes"));
        otherId.put("webhook-id", "msg_2");

        assertRefused(standard, otherKey, "webhook-signature");
        assertRefused(standard, otherId, "webhook-signature");
        assertRefused(
                standard,
                Map.of("webhook-id", "msg_1", "webhook-timestamp", "soon", "webhook-signature", "v1,AA=="),
                "webhook-timestamp");
    }

    @Test
    void a_source_without_credentials_is_refused_unless_authentication_is_waived() {
        assertThatThrownBy(() ->
                        SourceAuthentication.of(Optional.empty(), Optional.empty(), Optional.empty(), WINDOW, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("auth-required=false");

        SourceAuthentication open =
                SourceAuthentication.of(Optional.empty(), Optional.empty(), Optional.empty(), WINDOW, false);
        assertThatCode(() -> open.verify(request(Map.of()))).doesNotThrowAnyException();
    }

    @Test
    void an_hmac_secret_for_a_format_that_does_not_sign_is_refused() {
        assertThatThrownBy(() -> SourceAuthentication.of(
                        Optional.empty(), Optional.of(Secret.of("s")), Optional.empty(), WINDOW, true))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not sign");
    }

    @Test
    void a_secret_never_shows_in_text() {
        assertThat(Secret.of("t0ken")).hasToString("****");
    }

    private static void assertRefused(SourceAuthentication authentication, Map<String, String> headers, String field) {
        assertThatThrownBy(() -> authentication.verify(request(headers)))
                .isInstanceOfSatisfying(
                        UnauthorizedException.class, e -> assertThat(e.field()).isEqualTo(field));
    }

    private static Map<String, String> standardHeaders(String id, long timestamp, String key) throws Exception {
        byte[] signed = (id + "." + timestamp + "." + new String(BODY, StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.UTF_8);
        return Map.of(
                "webhook-id",
                id,
                "webhook-timestamp",
                String.valueOf(timestamp),
                "webhook-signature",
                "v1," + Base64.getEncoder().encodeToString(hmac(key.getBytes(), signed)));
    }

    private static byte[] hmac(byte[] key, byte[] content) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        return mac.doFinal(content);
    }

    private static WebhookRequest request(Map<String, String> headers) {
        return new WebhookRequest("s", headers(headers), null, "application/json", BODY, NOW);
    }

    private static dev.tagline.gateway.domain.RequestHeaders headers(Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return byName::get;
    }
}
