package dev.tagline.tags.domain;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.util.List;
import java.util.function.Function;

/** Runs one step per element, one after the other: a reactive session allows one operation at a time. */
public final class Sequentially {

    private Sequentially() {}

    public static <T, R> Uni<List<R>> map(List<T> elements, Function<T, Uni<R>> step) {
        return Multi.createFrom()
                .iterable(elements)
                .onItem()
                .<R>transformToUniAndConcatenate(step::apply)
                .collect()
                .asList();
    }

    public static <T> Uni<Void> forEach(List<T> elements, Function<T, Uni<?>> step) {
        return map(elements, element -> step.apply(element).replaceWith(Boolean.TRUE))
                .replaceWithVoid();
    }
}
