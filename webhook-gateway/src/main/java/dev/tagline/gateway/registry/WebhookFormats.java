package dev.tagline.gateway.registry;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every webhook format the gateway reads, by the name a source's {@code format} setting uses. */
public final class WebhookFormats {

    private static final Map<String, WebhookFormat> BY_NAME = List.of(
                    new DistributionNotifications(),
                    new HarborWebhook(),
                    new QuayWebhook(),
                    new DockerHubWebhook(),
                    new GitHubPackageWebhook(),
                    new AcrWebhook(),
                    new GoogleArtifactRegistryPush(),
                    new EcrEventBridge(),
                    new CloudEventsWebhook())
            .stream()
            .collect(Collectors.toUnmodifiableMap(WebhookFormat::name, Function.identity()));

    private WebhookFormats() {}

    public static Optional<WebhookFormat> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    public static List<String> names() {
        return BY_NAME.keySet().stream().sorted().toList();
    }
}
