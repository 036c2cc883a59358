package dev.tagline.imports.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.tagline.events.ImportPolicy;
import dev.tagline.events.ReferencePolicy;
import dev.tagline.events.RegistryTagChanged;
import dev.tagline.imports.domain.ImportOrder;
import org.junit.jupiter.api.Test;

/** What an import request asks of the target's spec tag: the policies it names, and nothing it leaves out. */
class ImportOrdersTest {

    private static final ImageStreamImportRequest.From FROM =
            new ImageStreamImportRequest.From("DockerImage", "quay.io/org/app:v1");

    @Test
    void a_request_without_policies_targets_the_tag_without_any_so_that_it_keeps_its_own() {
        ImportOrder order = ImportOrders.of("team-a", new ImageStreamImportRequest(FROM, "app:v1", null, null));

        assertThat(order.eventTarget()).isEqualTo(new RegistryTagChanged.Target("team-a", "app", "v1", null, null));
        assertThat(order.insecure()).isFalse();
    }

    @Test
    void the_policies_a_request_names_go_to_the_target_and_insecure_applies_to_this_import_too() {
        ImportPolicy policy = new ImportPolicy(true, true, ImportPolicy.ImportMode.Legacy);

        ImportOrder order =
                ImportOrders.of("team-a", new ImageStreamImportRequest(FROM, "app:v1", policy, ReferencePolicy.Local));

        assertThat(order.eventTarget())
                .isEqualTo(new RegistryTagChanged.Target("team-a", "app", "v1", policy, ReferencePolicy.Local));
        assertThat(order.insecure()).isTrue();
    }
}
