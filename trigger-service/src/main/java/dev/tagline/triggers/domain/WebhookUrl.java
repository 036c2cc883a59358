package dev.tagline.triggers.domain;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A subscriber's webhook URL, checked for shape: {@code http} or {@code https}, a host, no credentials, no
 * fragment. Whether its host may be reached is the allow-list's to say.
 *
 * @param text as the user gave it
 * @param host lower case; an IPv6 literal without brackets
 * @param pathAndQuery what goes on the request line, at least {@code /}
 */
public record WebhookUrl(String text, boolean https, String host, int port, String pathAndQuery) {

    public static final String FIELD = "webhook.url";
    private static final int MAX_LENGTH = 2048;

    public static WebhookUrl parse(String text) {
        if (text == null || text.isBlank()) {
            throw invalid("a webhook needs a url");
        }
        if (text.length() > MAX_LENGTH) {
            throw invalid("the url is " + text.length() + " characters; at most " + MAX_LENGTH);
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw invalid("not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid("the url must start with http:// or https://");
        }
        if (uri.getRawUserInfo() != null) {
            throw invalid("the url must not carry credentials; deliveries are signed with the secret instead");
        }
        if (uri.getHost() == null) {
            throw invalid("the url has no valid host");
        }
        if (uri.getRawFragment() != null) {
            throw invalid("the url must not have a fragment");
        }
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return new WebhookUrl(text.trim(), https, host, port, path + query);
    }

    /** {@code scheme://host:port}: one subscriber, as far as concurrency limits go. */
    public String origin() {
        String shownHost = host.contains(":") ? "[" + host + "]" : host;
        return (https ? "https" : "http") + "://" + shownHost + ":" + port;
    }

    private static InvalidTriggerException invalid(String message) {
        return new InvalidTriggerException(FIELD, message);
    }
}
