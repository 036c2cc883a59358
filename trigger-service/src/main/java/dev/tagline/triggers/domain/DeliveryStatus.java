package dev.tagline.triggers.domain;

import com.fasterxml.jackson.annotation.JsonValue;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;

/** Where a webhook delivery stands: waiting for an attempt, delivered, or parked after its last attempt. */
public enum DeliveryStatus {
    PENDING,
    SUCCEEDED,
    FAILED;

    /** As the API and the database spell it. */
    @JsonValue
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static DeliveryStatus ofText(String text) {
        return Arrays.stream(values())
                .filter(status -> status.text().equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown delivery status " + text));
    }

    /** Stores the lower-case text. */
    @Converter
    public static class Column implements AttributeConverter<DeliveryStatus, String> {

        @Override
        public String convertToDatabaseColumn(DeliveryStatus status) {
            return status == null ? null : status.text();
        }

        @Override
        public DeliveryStatus convertToEntityAttribute(String text) {
            return text == null ? null : ofText(text);
        }
    }
}
