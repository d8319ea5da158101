package org.clientele.overview.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.clientele.api.Client;
import org.clientele.api.ClientService;
import org.clientele.api.overview.Metric;
import org.clientele.api.overview.Overview;
import org.clientele.api.overview.OverviewContributor;
import org.clientele.api.overview.OverviewRequest;
import org.clientele.api.overview.OverviewSection;
import org.clientele.api.overview.OverviewSection.Status;
import org.clientele.api.overview.OverviewService;
import org.clientele.api.overview.Section;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client's overview: the client as the legal and contact panel plus one section per
 * installed {@link OverviewContributor}. Contributors are called in parallel on a bounded
 * pool; each gets {@code contributorTimeoutMillis} from the moment the overview is asked
 * for, so the overview answers within that budget whatever the contributors do. One that
 * throws gives a {@code FAILED} section, one that is late a {@code TIMEOUT} section (its call
 * is cancelled); the overview itself never fails because of a contributor.
 */
@Component(service = OverviewService.class, name = OverviewServiceImpl.PID)
@Designate(ocd = OverviewConfig.class)
public class OverviewServiceImpl implements OverviewService {
    static final String PID = "org.clientele.overview";
    private static final Logger LOG = LoggerFactory.getLogger(OverviewServiceImpl.class);

    private final ClientService clients;
    private final Whiteboard<OverviewContributor> contributors = new Whiteboard<>(Section.PREFIX_, "overview section");
    private volatile Settings settings;


    @Activate
    public OverviewServiceImpl(@Reference ClientService clients, OverviewConfig config) {
        this.clients = clients;
        this.settings = Settings.of(config, config.contributorTimeoutMillis(), "clientele-overview", null);
    }

    @Modified
    void modified(OverviewConfig config) {
        Settings old = settings;
        settings = Settings.of(config, config.contributorTimeoutMillis(), "clientele-overview", old);
        old.retireFor(settings);
    }

    @Deactivate
    void deactivate() {
        settings.pool().close();
    }

    @Reference(service = OverviewContributor.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeContributor", updated = "updatedContributor")
    void addContributor(ServiceReference<OverviewContributor> ref, OverviewContributor contributor) {
        contributors.add(contributor, Whiteboard.properties(ref), Whiteboard.origin(ref));
    }

    void updatedContributor(ServiceReference<OverviewContributor> ref, OverviewContributor contributor) {
        contributors.update(contributor, Whiteboard.properties(ref), Whiteboard.origin(ref));
    }

    void removeContributor(ServiceReference<OverviewContributor> ref) {
        contributors.remove(Whiteboard.properties(ref));
    }

    /** The tracked contributors, for tests. */
    Whiteboard<OverviewContributor> contributors() {
        return contributors;
    }

    @Override
    public Overview overview(String clientId, Locale locale) {
        Client client = clients.get(clientId);
        Settings s = settings;
        OverviewRequest request = new OverviewRequest(client.id(), s.today().get(), locale);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(s.budgetMillis());

        List<Listing<OverviewContributor>> listings = contributors.current();
        List<Future<List<Metric>>> calls = new ArrayList<>(listings.size());
        for (Listing<OverviewContributor> l : listings) {
            calls.add(submit(s.pool(), l, request));
        }
        List<OverviewSection> sections = new ArrayList<>(listings.size());
        for (int i = 0; i < listings.size(); i++) {
            sections.add(await(listings.get(i), calls.get(i), deadline, s.budgetMillis(), locale));
        }
        return new Overview(client, request.today(), sections);
    }

    private static Future<List<Metric>> submit(Pool pool, Listing<OverviewContributor> l, OverviewRequest request) {
        try {
            return pool.submit(() -> {
                List<Metric> metrics = l.service().metrics(request);
                return metrics == null ? List.of() : List.copyOf(metrics); // a null metric fails here, in the section
            });
        } catch (RejectedExecutionException e) {
            return null;
        }
    }

    private static OverviewSection await(Listing<OverviewContributor> l, Future<List<Metric>> call, long deadline,
            long budgetMillis, Locale locale) {
        String title = l.title(locale);
        if (call == null) {
            LOG.warn("Overview section '{}' of bundle {} not asked: every overview thread is busy and the queue is full",
                    l.id(), l.origin());
            return new OverviewSection(l.id(), title, List.of(), Status.FAILED);
        }
        try {
            List<Metric> metrics = call.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            return new OverviewSection(l.id(), title, metrics, Status.OK);
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warn("Overview section '{}' of bundle {} did not answer within {} ms; cancelled", l.id(), l.origin(),
                    budgetMillis);
            return new OverviewSection(l.id(), title, List.of(), Status.TIMEOUT);
        } catch (ExecutionException e) {
            LOG.error("Overview section '{}' of bundle {} failed", l.id(), l.origin(), e.getCause());
            return new OverviewSection(l.id(), title, List.of(), Status.FAILED);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return new OverviewSection(l.id(), title, List.of(), Status.TIMEOUT);
        }
    }
}
