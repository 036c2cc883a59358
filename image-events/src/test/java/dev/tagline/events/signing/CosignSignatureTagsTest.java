package dev.tagline.events.signing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.reference.Digest;
import org.junit.jupiter.api.Test;

class CosignSignatureTagsTest {

    private static final Digest DIGEST =
            Digest.parse("sha256:2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae");

    @Test
    void the_signature_tag_of_a_digest_names_that_digest_back() {
        String tag = CosignSignatureTags.of(DIGEST);

        assertThat(tag).isEqualTo("sha256-2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae.sig");
        assertThat(CosignSignatureTags.signedDigest(tag)).contains(DIGEST);
    }

    @Test
    void other_tags_name_no_digest() {
        assertThat(CosignSignatureTags.signedDigest("v1")).isEmpty();
        assertThat(CosignSignatureTags.signedDigest(null)).isEmpty();
        assertThat(CosignSignatureTags.signedDigest(
                        "sha256-2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae.att"))
                .isEmpty();
        assertThat(CosignSignatureTags.signedDigest("sha256-2C26B4.sig")).isEmpty();
    }
}
