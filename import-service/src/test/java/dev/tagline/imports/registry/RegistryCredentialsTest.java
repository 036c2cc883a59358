package dev.tagline.imports.registry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.web.Secret;
import org.junit.jupiter.api.Test;

/** Credentials never show their password when printed. */
class RegistryCredentialsTest {

    @Test
    void printing_credentials_or_the_configured_secret_masks_the_password() {
        assertThat(new RegistryCredentials("puller", "pull-s3cret").toString())
                .contains("puller")
                .doesNotContain("pull-s3cret");
        assertThat(Secret.of("pull-s3cret").toString()).doesNotContain("pull-s3cret");
    }

    @Test
    void basic_authorization_encodes_user_and_password() {
        assertThat(new RegistryCredentials("puller", "pull-s3cret").basicAuthorization())
                .isEqualTo("Basic cHVsbGVyOnB1bGwtczNjcmV0");
    }
}
