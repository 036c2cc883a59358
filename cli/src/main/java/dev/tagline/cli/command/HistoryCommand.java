package dev.tagline.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tagline.cli.Session;
import dev.tagline.cli.api.Answer;
import dev.tagline.cli.api.Api;
import dev.tagline.cli.api.ApiClient;
import dev.tagline.cli.api.Json;
import dev.tagline.cli.api.PathSegment;
import dev.tagline.cli.names.StreamTagName;
import dev.tagline.cli.output.OutputFormat;
import dev.tagline.cli.output.OutputOption;
import dev.tagline.cli.output.Printer;
import dev.tagline.cli.output.Table;
import dev.tagline.cli.views.HistoryListing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tagline history STREAM:TAG}: every image the tag pointed at, newest first; {@code --watch} follows it. */
@Command(
        name = "history",
        description = {
            "The images a tag pointed at, newest first (* the one it points at now; "
                    + "held items are what its source was seen at while held).",
            "--watch prints each new item as the tag moves, until Ctrl-C."
        },
        footerHeading = "%nExamples:%n",
        footer = {"  tagline history app:prod --limit 10", "  tagline history app:prod --watch"})
public final class HistoryCommand implements Runnable {

    private final Session session;

    @Mixin
    NamespaceOption namespace;

    @Mixin
    OutputOption output;

    @Parameters(paramLabel = "STREAM:TAG", description = "the tag, NAMESPACE/ in front for another namespace")
    StreamTagName name;

    @Option(names = "--limit", paramLabel = "N", description = "at most N items (default 50)")
    Integer limit;

    @Option(
            names = {"-w", "--watch"},
            description = "keep printing new items as they come")
    boolean watch;

    @Option(
            names = "--interval",
            paramLabel = "SECONDS",
            defaultValue = "2",
            description = "how often --watch looks (default 2)")
    int intervalSeconds;

    public HistoryCommand(Session session) {
        this.session = session;
    }

    @Override
    public void run() {
        ApiClient api = session.api(namespace.value());
        String path = "/imagestreamtags/" + PathSegment.of(name.streamTag()) + (limit == null ? "" : "?limit=" + limit);
        String tagNamespace = name.namespaceOr(api.namespace());
        Answer first = api.get(Api.TAGS, tagNamespace, path);
        Printer.print(session.out(), output.format(), first, new HistoryListing());
        if (watch) {
            follow(api, tagNamespace, path, first.json());
        }
    }

    /** Polls the tag and prints, oldest first, the items it had not shown; JSON as one object per line. */
    private void follow(ApiClient api, String tagNamespace, String path, JsonNode first) {
        HistoryListing listing = new HistoryListing();
        boolean wide = output.format() == OutputFormat.wide;
        Set<String> shown = new HashSet<>();
        first.path("history").forEach(item -> shown.add(key(item)));
        while (!Thread.currentThread().isInterrupted()) {
            sleep(Duration.ofSeconds(intervalSeconds));
            JsonNode tag = api.get(Api.TAGS, tagNamespace, path).json();
            List<JsonNode> fresh = new ArrayList<>();
            tag.path("history").forEach(item -> {
                if (shown.add(key(item))) {
                    fresh.add(0, item);
                }
            });
            for (JsonNode item : fresh) {
                if (output.format() == OutputFormat.json) {
                    session.out().println(Json.write(item));
                } else {
                    new Table(listing.headers(wide))
                            .row(listing.row(item, tag.path("generation").asLong(), wide))
                            .printRows(session.out());
                }
            }
            session.out().flush();
        }
    }

    private static String key(JsonNode item) {
        return item.path("generation").asText() + "/" + item.path("image").asText() + "/"
                + item.path("held").asText();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
