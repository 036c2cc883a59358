package dev.tagline.cli.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** How {@code tagline tag} reads its arguments, as {@code oc tag} does. */
class TagSourceTest {

    @Test
    void a_source_starting_with_a_registry_host_is_a_registry_image() {
        assertThat(TagSource.parse("quay.io/org/app:v1", null).kind()).isEqualTo(TagSource.Kind.docker);
        assertThat(TagSource.parse("127.0.0.1:5000/team-a/app:prod", null).kind())
                .isEqualTo(TagSource.Kind.docker);
        assertThat(TagSource.parse("localhost/app:v1", null).kind()).isEqualTo(TagSource.Kind.docker);
    }

    @Test
    void a_source_without_a_host_is_a_stream_tag_or_a_stream_image() {
        assertThat(TagSource.parse("team-b/app:prod", null))
                .isEqualTo(new TagSource(TagSource.Kind.istag, "team-b", "app:prod"));
        assertThat(TagSource.parse("app@sha256:0f", null))
                .isEqualTo(new TagSource(TagSource.Kind.isimage, null, "app@sha256:0f"));
    }

    @Test
    void source_docker_makes_a_bare_name_a_registry_image() {
        assertThat(TagSource.parse("nginx:stable", TagSource.Kind.docker)
                        .from("team-a")
                        .toString())
                .isEqualTo("{\"kind\":\"DockerImage\",\"name\":\"nginx:stable\"}");
    }

    @Test
    void a_stream_source_names_the_current_namespace_when_it_names_none() {
        assertThat(TagSource.parse("app:prod", null).from("team-a").toString())
                .isEqualTo("{\"kind\":\"ImageStreamTag\",\"namespace\":\"team-a\",\"name\":\"app:prod\"}");
    }

    @Test
    void a_destination_is_stream_colon_tag_with_an_optional_namespace() {
        assertThat(StreamTagName.parse("team-b/app:v1")).isEqualTo(new StreamTagName("team-b", "app", "v1"));
        assertThat(StreamTagName.parse("app:v1").namespaceOr("team-a")).isEqualTo("team-a");
        assertThatThrownBy(() -> StreamTagName.parse("app")).hasMessageContaining("STREAM:TAG");
        assertThatThrownBy(() -> StreamTagName.parse("a/b/c:d")).hasMessageContaining("STREAM:TAG");
    }
}
