package dev.tagline.support.egress;

import org.eclipse.microprofile.config.spi.Converter;

/**
 * Reads an allow-list entry when the configuration is loaded, so that an unreadable one stops the service at
 * start-up with the setting's name (SmallRye Config adds it), instead of failing every request later.
 */
public class OutboundRuleConverter implements Converter<OutboundRule> {

    @Override
    public OutboundRule convert(String value) {
        return OutboundRule.parse(value);
    }
}
