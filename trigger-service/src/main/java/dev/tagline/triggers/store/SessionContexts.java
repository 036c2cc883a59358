package dev.tagline.triggers.store;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import java.util.function.Supplier;

/**
 * Runs work that opens a Hibernate Reactive session from outside a request or a consumed record (a timer, an
 * HTTP client callback): on a fresh duplicated Vert.x context marked safe, the only place such a session works,
 * and one that never shares a session with whoever started the work.
 */
public final class SessionContexts {

    private SessionContexts() {
    }

    public static <T> Uni<T> onFreshContext(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> Uni.createFrom().deferred(work::get)
                    .subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
