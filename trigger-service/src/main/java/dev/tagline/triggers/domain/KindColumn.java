package dev.tagline.triggers.domain;

import dev.tagline.events.TriggerActionRequested;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.Arrays;
import java.util.Locale;

/** Stores a trigger's kind as the API spells it: {@code build} or {@code deploy}. */
@Converter
public class KindColumn implements AttributeConverter<TriggerActionRequested.Kind, String> {

    public static String text(TriggerActionRequested.Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    public static TriggerActionRequested.Kind ofText(String text) {
        return Arrays.stream(TriggerActionRequested.Kind.values())
                .filter(kind -> text(kind).equals(text))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown trigger kind " + text));
    }

    @Override
    public String convertToDatabaseColumn(TriggerActionRequested.Kind kind) {
        return kind == null ? null : text(kind);
    }

    @Override
    public TriggerActionRequested.Kind convertToEntityAttribute(String text) {
        return text == null ? null : ofText(text);
    }
}
