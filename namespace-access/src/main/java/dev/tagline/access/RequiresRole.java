package dev.tagline.access;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The role a REST method needs in the namespace of its {@code {ns}} path parameter. Without it, reads
 * ({@code GET}, {@code HEAD}) need {@link Role#VIEW} and everything else {@link Role#EDIT}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface RequiresRole {
    Role value();
}
