package dev.tagline.triggers.api;

import dev.tagline.triggers.messaging.OutboxRelay;
import dev.tagline.triggers.webhook.DeliveryDispatcher;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * After a successful change over REST has committed (a resume that fired, a redelivery), relays and delivers
 * at once instead of at the next poll.
 */
public class AfterChangeNudge {

    private final OutboxRelay relay;
    private final DeliveryDispatcher dispatcher;

    public AfterChangeNudge(OutboxRelay relay, DeliveryDispatcher dispatcher) {
        this.relay = relay;
        this.dispatcher = dispatcher;
    }

    @ServerResponseFilter
    public void afterChange(ContainerRequestContext request, ContainerResponseContext response) {
        if (!HttpMethod.GET.equals(request.getMethod()) && response.getStatus() < 300) {
            relay.nudge();
            dispatcher.nudge();
        }
    }
}
