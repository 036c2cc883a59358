package dev.tagline.tags.api;

import dev.tagline.tags.messaging.OutboxRelay;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** After a successful change over REST has committed, relays its events at once instead of at the next poll. */
public class OutboxNudge {

    private final OutboxRelay relay;

    public OutboxNudge(OutboxRelay relay) {
        this.relay = relay;
    }

    @ServerResponseFilter
    public void afterChange(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) && response.getStatus() < 300) {
            relay.nudge();
        }
    }
}
