package org.clientele.rest.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.core.Configuration;

import org.glassfish.jersey.server.model.ModelProcessor;
import org.glassfish.jersey.server.model.Resource;
import org.glassfish.jersey.server.model.ResourceModel;

/**
 * Makes the path variables of root resource templates possessive: {@code clients/{id}/tabs}
 * becomes {@code clients/{id: [^/]++}/tabs}, for the module's resources and every extension's.
 * <p>
 * Jersey matches a request against the root templates one after the other, longest literal part
 * first, each a regular expression with {@code ([^/]+)} per variable. {@code /api/clients/{id}}
 * comes after every {@code clients/{id}/…} template (the tabs, the overview and every
 * extension's), and each of them fails only after its {@code [^/]+} has given back the
 * 36-character id one character at a time, trying the rest of the template at each. A profile of
 * the REST benchmark's GET phase had that backtracking as the largest cost of a GET besides the
 * database read (see the README, Figures). A possessive {@code [^/]++} matches exactly what
 * {@code [^/]+} matches when the variable ends its path segment (a {@code /} or the end follows,
 * neither of which {@code [^/]} can take), and fails at once instead. A variable that shares its
 * segment with more ({@code {name}.json}) or has a regular expression of its own is left as it is.
 */
final class RootTemplates implements ModelProcessor {

    /** A plain variable that ends its path segment. */
    private static final Pattern SEGMENT_VARIABLE = Pattern.compile("\\{\\s*(\\w[\\w.-]*)\\s*\\}(?=/|$)");

    /** {@code template} with each plain variable that ends its segment made possessive. */
    static String possessive(String template) {
        if (template == null || template.indexOf('{') < 0) {
            return template;
        }
        return SEGMENT_VARIABLE.matcher(template).replaceAll(m -> Matcher.quoteReplacement(
                "{" + m.group(1) + ": [^/]++}"));
    }

    @Override
    public ResourceModel processResourceModel(ResourceModel model, Configuration configuration) {
        ResourceModel.Builder result = new ResourceModel.Builder(false);
        for (Resource resource : model.getResources()) {
            String path = resource.getPath();
            String changed = possessive(path);
            result.addResource(changed == null || changed.equals(path) ? resource
                    : Resource.builder(resource).path(changed).build());
        }
        return result.build();
    }

    @Override
    public ResourceModel processSubResource(ResourceModel model, Configuration configuration) {
        return model;
    }
}
