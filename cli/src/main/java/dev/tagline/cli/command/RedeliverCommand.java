package dev.tagline.cli.command;

import dev.tagline.cli.Session;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.PathSegment;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code tagline redeliver TRIGGER DELIVERY_ID}: a webhook delivery due again at once, with a fresh budget of attempts. */
@Command(
        name = "redeliver",
        description = "Send a webhook delivery again at once, with a fresh budget of attempts "
                + "and the same webhook-id (receivers deduplicate on it).",
        footerHeading = "%nExample:%n",
        footer = "  tagline get deliveries web && tagline redeliver web 42")
public final class RedeliverCommand implements Runnable {

    private final Session session;

    @Mixin
    NamespaceOption namespace;

    @Parameters(index = "0", paramLabel = "TRIGGER", description = "the trigger")
    String trigger;

    @Parameters(index = "1", paramLabel = "DELIVERY_ID", description = "the delivery's ID, from tagline get deliveries")
    long deliveryId;

    public RedeliverCommand(Session session) {
        this.session = session;
    }

    @Override
    public void run() {
        ApiClient api = session.api(namespace.value());
        api.post(
                Api.TRIGGERS,
                api.namespace(),
                "/triggers/" + PathSegment.of(trigger) + "/deliveries/" + deliveryId + "/redeliver",
                null);
        session.out().println("delivery/" + deliveryId + " of trigger/" + trigger + " is due again");
        session.out().flush();
    }
}
