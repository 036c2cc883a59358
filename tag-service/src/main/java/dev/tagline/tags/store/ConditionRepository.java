package dev.tagline.tags.store;

import dev.tagline.tags.domain.TagCondition;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Conditions shown on tags. */
@ApplicationScoped
public class ConditionRepository implements PanacheRepositoryBase<TagCondition, Long> {

    public Uni<TagCondition> find(Long streamTagId, String type) {
        return find("streamTagId = ?1 and type = ?2", streamTagId, type).firstResult();
    }

    public Uni<List<TagCondition>> ofTags(Collection<Long> streamTagIds) {
        return list("streamTagId in ?1 order by streamTagId, type", streamTagIds);
    }

    public Uni<Long> clear(Long streamTagId, String type) {
        return delete("streamTagId = ?1 and type = ?2", streamTagId, type);
    }

    /** A fresh observation of the source ends every problem recorded against it. */
    public Uni<Long> clear(Long streamTagId) {
        return delete("streamTagId = ?1", streamTagId);
    }
}
