package dev.tagline.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Parses token files; errors must point at the line and never echo a token. */
class TokenFileTest {

    @Test
    void a_token_maps_to_its_subject_and_roles() {
        TokenFile file =
                TokenFile.parse(List.of("# comment", "", "abcdefghijklmnop-1 bob team-a:view,team-a:edit"), "t");
        Caller bob = file.callerOf("abcdefghijklmnop-1").orElseThrow();
        assertThat(bob.subject()).isEqualTo("bob");
        assertThat(bob.roleIn("team-a")).contains(Role.EDIT);
        assertThat(file.callerOf("abcdefghijklmnop-2")).isEmpty();
    }

    @Test
    void a_short_token_is_refused_without_being_echoed() {
        assertThatThrownBy(() -> TokenFile.parse(List.of("short bob team-a:view"), "tokens"))
                .hasMessage("tokens line 1: tokens need at least 16 characters")
                .hasMessageNotContaining("short ");
    }

    @Test
    void a_repeated_token_is_refused() {
        assertThatThrownBy(() -> TokenFile.parse(
                        List.of("abcdefghijklmnop-1 bob team-a:view", "abcdefghijklmnop-1 eve cluster-admin"),
                        "tokens"))
                .hasMessage("tokens line 2: the same token appears twice");
    }

    @Test
    void a_line_with_too_many_fields_is_refused() {
        assertThatThrownBy(() -> TokenFile.parse(List.of("abcdefghijklmnop-1 bob team-a:view extra"), "tokens"))
                .hasMessageStartingWith("tokens line 1: expected");
    }
}
