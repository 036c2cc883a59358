package dev.tagline.deployment;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields a parsed model object did not know. The fabric8 and Strimzi models keep unknown fields in
 * {@code additionalProperties} instead of refusing them, so a misspelt field would otherwise pass unnoticed; this walks
 * every property Jackson maps and reports each such field by its path, e.g. {@code spec.replica}.
 */
final class UnknownFields {

    private static final ObjectMapper JACKSON = new ObjectMapper();
    private static final String ADDITIONAL_PROPERTIES = "additionalProperties";

    private UnknownFields() {}

    static List<String> of(Object model) {
        List<String> unknown = new ArrayList<>();
        walk(model, "", unknown);
        return unknown;
    }

    private static void walk(Object value, String path, List<String> unknown) {
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", unknown);
            }
        } else if (value instanceof Map<?, ?> entries) {
            entries.forEach((key, item) -> walk(item, path + "[" + key + "]", unknown));
        } else if (value != null && isModel(value.getClass())) {
            additionalProperties(value)
                    .keySet()
                    .forEach(field -> unknown.add(path.isEmpty() ? String.valueOf(field) : path + "." + field));
            for (BeanPropertyDefinition property : properties(value.getClass())) {
                AnnotatedMember getter = property.getAccessor();
                if (getter != null && !ADDITIONAL_PROPERTIES.equals(property.getName())) {
                    walk(
                            getter.getValue(value),
                            path.isEmpty() ? property.getName() : path + "." + property.getName(),
                            unknown);
                }
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        String name = type.getName();
        return !type.isEnum() && (name.startsWith("io.fabric8.") || name.startsWith("io.strimzi."));
    }

    private static List<BeanPropertyDefinition> properties(Class<?> type) {
        JavaType javaType = JACKSON.constructType(type);
        BeanDescription description = JACKSON.getSerializationConfig().introspect(javaType);
        return description.findProperties();
    }

    private static Map<?, ?> additionalProperties(Object model) {
        try {
            Method getter = model.getClass().getMethod("getAdditionalProperties");
            Object properties = getter.invoke(model);
            return properties instanceof Map<?, ?> map ? map : Map.of();
        } catch (NoSuchMethodException e) {
            return Map.of();
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(
                    "Cannot read the additional properties of "
                            + model.getClass().getName(),
                    e);
        }
    }
}
