package dev.tagline.deployment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithName;
import io.smallrye.config.WithParentName;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The property names a SmallRye {@code @ConfigMapping} interface reads, found the way SmallRye Config finds them:
 * the prefix, then each method in kebab case (or its {@code @WithName}), nested groups recursively, and {@code *}
 * where a map takes any key.
 */
final class ConfigMappingProperties {

    static final String ANY_KEY = "*";

    private ConfigMappingProperties() {}

    static List<String> of(Class<?> mapping) {
        ConfigMapping annotation = mapping.getAnnotation(ConfigMapping.class);
        if (annotation == null) {
            throw new IllegalArgumentException(mapping + " is not a @ConfigMapping");
        }
        List<String> names = new ArrayList<>();
        collect(mapping, annotation.prefix(), names);
        return names;
    }

    private static void collect(Class<?> group, String prefix, List<String> names) {
        for (Method method : group.getMethods()) {
            if (method.isDefault()
                    || Modifier.isStatic(method.getModifiers())
                    || method.getParameterCount() > 0
                    || method.getDeclaringClass() == Object.class) {
                continue;
            }
            collectType(method.getGenericReturnType(), join(prefix, segment(method)), names);
        }
    }

    private static void collectType(Type type, String name, List<String> names) {
        if (type instanceof ParameterizedType parameterized) {
            Class<?> raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            if (raw == Optional.class) {
                collectType(arguments[0], name, names);
                return;
            }
            if (Map.class.isAssignableFrom(raw)) {
                collectType(arguments[1], join(name, ANY_KEY), names);
                return;
            }
            names.add(name);
            return;
        }
        if (type instanceof Class<?> type1 && isGroup(type1)) {
            collect(type1, name, names);
            return;
        }
        names.add(name);
    }

    // A nested interface of our own is a group of properties; anything else is converted from one value.
    private static boolean isGroup(Class<?> type) {
        return type.isInterface() && !type.getName().startsWith("java.");
    }

    private static String segment(Method method) {
        if (method.isAnnotationPresent(WithParentName.class)) {
            return "";
        }
        WithName withName = method.getAnnotation(WithName.class);
        return withName != null ? withName.value() : kebabCase(method.getName());
    }

    private static String kebabCase(String camelCase) {
        return camelCase.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static String join(String prefix, String segment) {
        if (segment.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? segment : prefix + "." + segment;
    }
}
