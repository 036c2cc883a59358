package dev.tagline.imports.tagservice;

import dev.tagline.events.EventJson;
import dev.tagline.events.TagReference;
import dev.tagline.events.TagSpec;
import dev.tagline.imports.config.ImportsConfig;
import dev.tagline.imports.domain.ImportOrder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.core.http.HttpClient;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Records, through the tag-service's own API, the spec tag an on-demand import asked to schedule: the
 * {@code registry.tag.changed} it publishes can create the target tag but cannot carry an import policy, so the
 * schedule would otherwise be lost. The tag-service then publishes the {@code tag.spec-changed} that schedules it.
 */
@ApplicationScoped
public class TagServiceClient {

    private final HttpClient client;
    private final String baseUrl;
    private final Duration timeout;

    public TagServiceClient(Vertx vertx, ImportsConfig config) {
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.http().connectTimeout().toMillis()));
        this.baseUrl = config.tagServiceUrl().replaceAll("/+$", "");
        this.timeout = config.http().requestTimeout();
    }

    @PreDestroy
    void close() {
        client.closeAndForget();
    }

    /** Creates or replaces the target's spec tag so that it follows the source with the order's import policy. */
    public Uni<Void> putSpecTag(ImportOrder order) {
        TagSpec spec = new TagSpec(order.target().tag(),
                new TagReference(TagReference.Kind.DockerImage, null, order.source().tagKey()), false,
                order.referencePolicy(), order.importPolicy());
        String url = baseUrl + "/api/v1/namespaces/" + order.target().namespace() + "/imagestreamtags/"
                + order.target().imageStream() + ":" + order.target().tag();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.PUT).setAbsoluteURI(url)
                .putHeader("Content-Type", "application/json").putHeader("Accept", "application/json");
        return client.request(options)
                .chain(request -> request.send(Buffer.buffer(EventJson.write(spec))))
                .chain(response -> response.body().map(body -> {
                    if (response.statusCode() != 200) {
                        throw new TagServiceException("the tag-service answered " + response.statusCode() + ": "
                                + abbreviated(body.toString()));
                    }
                    return body;
                }))
                .ifNoItem().after(timeout).failWith(() -> new TagServiceException("the tag-service did not answer within "
                        + timeout))
                .onFailure(failure -> !(failure instanceof TagServiceException))
                .transform(failure -> new TagServiceException("the tag-service at " + baseUrl + " is unreachable: "
                        + failure.getMessage()))
                .replaceWithVoid();
    }

    private static String abbreviated(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "…";
    }
}
