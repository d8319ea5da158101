package org.clientele.api.overview;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The metadata of an {@link OverviewContributor}, as service properties
 * {@code clientele.section.id}, {@code .title}, {@code .titles} and {@code .order}.
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Section {
    /** The property-name prefix of the elements. */
    String PREFIX_ = "clientele.section.";

    /** Stable id, e.g. {@code projects}: lower case letters, digits, '-'. */
    String id();

    /** Title for people, in English. */
    String title();

    /** Titles in other languages, as {@code language=title}, e.g. {@code "de=Projekte"}. */
    String[] titles() default {};

    /** Position: lower comes first. */
    int order() default 1000;
}
