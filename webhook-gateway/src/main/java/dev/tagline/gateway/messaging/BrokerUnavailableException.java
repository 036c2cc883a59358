package dev.tagline.gateway.messaging;

/** Kafka did not acknowledge every event of a request in time; the sender should retry the whole request. */
public class BrokerUnavailableException extends RuntimeException {

    public BrokerUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
