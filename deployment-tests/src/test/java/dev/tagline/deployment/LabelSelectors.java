package dev.tagline.deployment;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Whether a Kubernetes label selector selects a set of labels, as the API server decides it. */
final class LabelSelectors {

    private LabelSelectors() {}

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> matchLabels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        List<LabelSelectorRequirement> expressions =
                selector.getMatchExpressions() == null ? List.of() : selector.getMatchExpressions();
        return matchLabels.entrySet().stream()
                        .allMatch(label -> label.getValue().equals(labels.get(label.getKey())))
                && expressions.stream().allMatch(expression -> meets(expression, labels));
    }

    /** A Service's selector: plain labels, all of which must match. */
    static boolean selects(Map<String, String> selector, Map<String, String> labels) {
        return selector != null
                && !selector.isEmpty()
                && selector.entrySet().stream()
                        .allMatch(label -> label.getValue().equals(labels.get(label.getKey())));
    }

    private static boolean meets(LabelSelectorRequirement requirement, Map<String, String> labels) {
        String value = labels.get(requirement.getKey());
        List<String> values = requirement.getValues() == null ? List.of() : requirement.getValues();
        return switch (requirement.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> value != null;
            case "DoesNotExist" -> value == null;
            default ->
                throw new IllegalArgumentException("Unknown label selector operator " + requirement.getOperator());
        };
    }
}
