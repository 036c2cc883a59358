package dev.tagline.support.store;

import io.smallrye.mutiny.Uni;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Native SQL selects of plain values (a count, a flag, a returned column, rows of columns), run without a result
 * class.
 *
 * <p>Hibernate ORM 7.2 caches a native select's plan under its SQL and its result mapping, and a mapping made from
 * a basic result class ({@code Long.class}, {@code Boolean.class}, {@code Object[].class}) never equals the one of
 * the next execution: each execution adds another plan with the same hash, the plan cache fills with copies, and
 * every lookup compares them all. Under load that lookup took a quarter of the tag-service's CPU. Without a result
 * class the mapping is empty, equal every time, and one cached plan serves every execution. Entity result classes
 * are not affected.
 */
public final class NativeSelect {

    private NativeSelect() {
    }

    /** The one row's value (or {@code Object[]} of its columns); fails when there is no row. */
    public static <T> Uni<T> single(Mutiny.Session session, Class<T> type, String sql, Object... parameters) {
        return NativeSelect.<Object>query(session, sql, parameters).getSingleResult().map(type::cast);
    }

    /** The row's value, or null when there is no row. */
    public static <T> Uni<T> singleOrNull(Mutiny.Session session, Class<T> type, String sql, Object... parameters) {
        return NativeSelect.<Object>query(session, sql, parameters).getSingleResultOrNull().map(type::cast);
    }

    /** Every row's value, or {@code Object[]} of its columns when it has several. */
    public static <T> Uni<List<T>> list(Mutiny.Session session, Class<T> type, String sql, Object... parameters) {
        return NativeSelect.<Object>query(session, sql, parameters).getResultList()
                .map(rows -> rows.stream().map(type::cast).toList());
    }

    private static <R> Mutiny.Query<R> query(Mutiny.Session session, String sql, Object... parameters) {
        Mutiny.Query<R> query = session.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        return query;
    }
}
