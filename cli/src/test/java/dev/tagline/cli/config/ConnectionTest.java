package dev.tagline.cli.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which server, token and namespace a command uses, from the context, the environment and {@code -n}. */
class ConnectionTest {

    private static final Context CONTEXT = new Context(
            "ctx", "https://tagline.example.com/", null, "https://triggers.example.com", "file-token", "team-file");

    @Test
    void one_server_serves_all_three_apis_unless_one_is_named() {
        Connection connection = Connection.resolve(Optional.of(CONTEXT), Map.of(), null);

        assertThat(connection.tagServer()).isEqualTo("https://tagline.example.com");
        assertThat(connection.importServer()).isEqualTo("https://tagline.example.com");
        assertThat(connection.triggerServer()).isEqualTo("https://triggers.example.com");
        assertThat(connection.namespace()).isEqualTo("team-file");
    }

    @Test
    void the_environment_overrides_the_file_and_n_overrides_everything() {
        Map<String, String> environment = Map.of(
                Connection.SERVER,
                "http://env:8082",
                Connection.IMPORT_SERVER,
                "http://env:8083",
                Connection.TOKEN,
                "env-token",
                Connection.NAMESPACE,
                "team-env");

        Connection connection = Connection.resolve(Optional.of(CONTEXT), environment, "team-n");

        assertThat(connection.tagServer()).isEqualTo("http://env:8082");
        assertThat(connection.importServer()).isEqualTo("http://env:8083");
        assertThat(connection.triggerServer()).isEqualTo("https://triggers.example.com");
        assertThat(connection.token()).isEqualTo("env-token");
        assertThat(connection.namespace()).isEqualTo("team-n");
    }

    @Test
    void neither_a_connection_nor_a_context_prints_its_token() {
        assertThat(CONTEXT.toString()).doesNotContain("file-token");
        assertThat(Connection.resolve(Optional.of(CONTEXT), Map.of(), null).toString())
                .doesNotContain("file-token");
    }
}
