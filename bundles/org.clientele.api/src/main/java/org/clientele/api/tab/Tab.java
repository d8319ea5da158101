package org.clientele.api.tab;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.osgi.service.component.annotations.ComponentPropertyType;

/**
 * The metadata of a {@link ClientTab}, as service properties {@code clientele.tab.id},
 * {@code clientele.tab.title}, {@code clientele.tab.order} and {@code clientele.tab.titles}.
 *
 * <pre>{@code
 * @Component(service = ClientTab.class)
 * @Tab(id = "notes", title = "Notes", titles = "de=Notizen", order = 70)
 * public class NotesTab implements ClientTab { ... }
 * }</pre>
 */
@ComponentPropertyType
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Tab {
    /** The property-name prefix of the elements. */
    String PREFIX_ = "clientele.tab.";

    /** Stable id, the last path segment of {@code /api/clients/{id}/tabs/{tabId}}: lower case letters, digits, '-'. */
    String id();

    /** Title for people, in English. */
    String title();

    /** Titles in other languages, as {@code language=title}, e.g. {@code "de=Projekte"}. */
    String[] titles() default {};

    /** Position: lower comes first; the built-in tabs use 10, 20, … 60. */
    int order() default 1000;
}
