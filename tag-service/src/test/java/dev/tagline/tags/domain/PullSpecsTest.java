package dev.tagline.tags.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.tagline.events.ReferencePolicy;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pull spec rule on its own: the test profile configures a host, so the unconfigured case is checked here. */
class PullSpecsTest {

    @Test
    void local_without_a_pull_through_host_is_refused_naming_the_field() {
        PullSpecs none = new PullSpecs(Optional.empty());

        assertThatThrownBy(() -> none.requireAvailable(ReferencePolicy.Local, "tags[0].referencePolicy"))
                .isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("tags[0].referencePolicy"));
        none.requireAvailable(ReferencePolicy.Source, "referencePolicy");
    }

    @Test
    void a_pull_through_host_that_is_no_registry_host_is_refused_at_start() {
        assertThatThrownBy(() -> new PullSpecs(Optional.of("https://mirror")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("tagline.tags.pull-through-host");
    }
}
