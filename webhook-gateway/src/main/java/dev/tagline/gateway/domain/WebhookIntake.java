package dev.tagline.gateway.domain;

import dev.tagline.gateway.config.GatewayConfig;
import dev.tagline.gateway.messaging.BrokerUnavailableException;
import dev.tagline.gateway.messaging.EventPublisher;
import dev.tagline.gateway.registry.Delivery;
import dev.tagline.gateway.registry.IndexPlatforms;
import dev.tagline.gateway.registry.MediaTypes;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Takes one webhook in: the source must exist and the request prove it comes from there, the whole body must be
 * read without fault, and only then is anything published. The answer is a receipt only once Kafka acknowledged
 * every event; otherwise the sender is told to retry, and the ids of the events make the retry harmless.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    private final Sources sources;
    private final IndexPlatforms indexPlatforms;
    private final EventPublisher publisher;
    private final WebhookMetrics metrics;
    private final Duration publishTimeout;

    public WebhookIntake(
            Sources sources,
            IndexPlatforms indexPlatforms,
            EventPublisher publisher,
            WebhookMetrics metrics,
            GatewayConfig config) {
        this.sources = sources;
        this.indexPlatforms = indexPlatforms;
        this.publisher = publisher;
        this.metrics = metrics;
        this.publishTimeout = config.publishTimeout();
    }

    /**
     * @throws UnknownSourceException before anything else; every other refusal (unauthorised, unsupported content
     *     type, invalid payload, Kafka unavailable) fails the returned Uni, and only the last comes after publishing
     */
    public Uni<Receipt> receive(WebhookRequest request) {
        Source source = sources.named(request.source()).orElseThrow(() -> new UnknownSourceException(request.source()));
        return Uni.createFrom()
                .item(() -> read(source, request))
                .chain(reading -> publish(source, reading))
                .onFailure()
                .invoke(failure -> metrics.refused(source.name(), failure));
    }

    private static Reading read(Source source, WebhookRequest request) {
        source.authentication().verify(request);
        if (!source.format().mediaTypes().contains(MediaTypes.essence(request.contentType()))) {
            throw new UnsupportedContentTypeException(
                    source.format().name(), source.format().mediaTypes());
        }
        return source.format().read(new Delivery(request, source.registry(), source.registryUrl()));
    }

    private Uni<Receipt> publish(Source source, Reading reading) {
        return withPlatforms(reading.observations(), source)
                .map(observations ->
                        observations.stream().map(o -> o.toEvent(source.name())).toList())
                .chain(events -> publisher
                        .publish(events)
                        .ifNoItem()
                        .after(publishTimeout)
                        .failWith(() ->
                                new BrokerUnavailableException("no acknowledgement within " + publishTimeout, null))
                        .onFailure()
                        .invoke(failure -> LOG.debugf(
                                "Webhook to source %s answered 503: %s",
                                source.name(), failure.getCause() == null ? failure : failure.getCause()))
                        .invoke(() -> metrics.published(source.name(), events, reading.ignored()))
                        .replaceWith(new Receipt(events.size(), reading.ignored())));
    }

    /** Fills in the platforms of index pushes whose webhook did not list them. */
    private Uni<List<Observation>> withPlatforms(List<Observation> observations, Source source) {
        if (observations.stream().noneMatch(WebhookIntake::lacksPlatforms)) {
            return Uni.createFrom().item(observations);
        }
        List<Uni<Observation>> completed = observations.stream()
                .map(observation -> lacksPlatforms(observation)
                        ? complete((TagPushed) observation, source)
                        : Uni.createFrom().item(observation))
                .toList();
        return Uni.join().all(completed).andFailFast();
    }

    private Uni<Observation> complete(TagPushed push, Source source) {
        return indexPlatforms
                .of(push.manifestUrl(), push.digest(), source.registryCredentials())
                .map(push::withPlatforms);
    }

    private static boolean lacksPlatforms(Observation observation) {
        return observation instanceof TagPushed push && push.lacksPlatforms();
    }
}
