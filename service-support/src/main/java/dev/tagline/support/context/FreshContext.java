package dev.tagline.support.context;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs work on a fresh duplicated Vert.x context marked safe, as Hibernate Reactive requires: a session belongs to
 * its context, so work that runs concurrently, or is started by a timer or by other work, needs a context of its
 * own, or two of them would share one session.
 */
public final class FreshContext {

    private FreshContext() {}

    /** The work's outcome, computed on a context of its own. */
    public static <T> Uni<T> call(Vertx vertx, Supplier<Uni<? extends T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(
                    ignored -> Uni.createFrom().<T>deferred(work).subscribe().with(emitter::complete, emitter::fail));
        });
    }

    /** Starts the work on a context of its own; {@code done} gets null on success, else the failure. */
    public static void run(Vertx vertx, Supplier<Uni<?>> work, Consumer<Throwable> done) {
        call(vertx, work).subscribe().with(result -> done.accept(null), done::accept);
    }
}
