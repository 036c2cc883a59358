package dev.tagline.benchmarks;

import dev.tagline.testkit.TaglineStack.Service;
import java.util.Optional;

/** Deploy triggers made for a benchmark through the trigger-service's API, one per stream tag. */
final class DeployTriggers {

    /** Where a trigger's signed webhook goes, and the secret it is signed with. */
    record Webhook(String url, String secret) {}

    private DeployTriggers() {}

    /** The trigger's name, which is also its deployment's: {@code <stream>-t<tag>}. */
    static String name(String stream, int tag) {
        return stream + "-t" + tag;
    }

    /**
     * Creates a deploy trigger following {@code <stream>:t<tag>} in {@code namespace}; every move of that tag puts an
     * action on {@code trigger-actions} and, with a {@code webhook}, also sends it there.
     */
    static void create(BenchStack stack, String namespace, String stream, int tag, Optional<Webhook> webhook) {
        String name = name(stream, tag);
        String webhookField = webhook.map(
                        hook -> ",\"webhook\":{\"url\":\"%s\",\"secret\":\"%s\"}".formatted(hook.url(), hook.secret()))
                .orElse("");
        stack.rest().post(stack.url(Service.TRIGGER_SERVICE, namespace, "/triggers"), """
                {"name":"%s","kind":"deploy","from":{"kind":"ImageStreamTag","namespace":"%s","name":"%s:t%d"},
                 "params":{"deployment":"%s","containers":["app"]}%s}""".formatted(
                        name, namespace, stream, tag, name, webhookField));
    }
}
