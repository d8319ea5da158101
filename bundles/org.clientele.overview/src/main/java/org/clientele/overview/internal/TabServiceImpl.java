package org.clientele.overview.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.clientele.api.ClientService;
import org.clientele.api.FieldError;
import org.clientele.api.NotFoundException;
import org.clientele.api.ValidationException;
import org.clientele.api.tab.Block;
import org.clientele.api.tab.ClientTab;
import org.clientele.api.tab.Tab;
import org.clientele.api.tab.TabContent;
import org.clientele.api.tab.TabInfo;
import org.clientele.api.tab.TabRequest;
import org.clientele.api.tab.TabService;
import org.clientele.api.tab.TabView;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client profile's tabs: every well-formed {@link ClientTab} service, one per tab id
 * (highest ranking wins). A tab renders on a bounded pool within {@code tabTimeoutMillis};
 * one that throws or is late yields a view with a single text block saying so.
 * Configuration: the PID {@code org.clientele.overview} (see {@link OverviewConfig}).
 */
@Component(service = TabService.class, name = "org.clientele.overview.tabs", configurationPid = OverviewServiceImpl.PID)
public class TabServiceImpl implements TabService {
    static final int MAX_LIMIT = 500;
    private static final Logger LOG = LoggerFactory.getLogger(TabServiceImpl.class);

    private final ClientService clients;
    private final Whiteboard<ClientTab> tabs = new Whiteboard<>(Tab.PREFIX_, "tab");
    private volatile Settings settings;


    @Activate
    public TabServiceImpl(@Reference ClientService clients, OverviewConfig config) {
        this.clients = clients;
        this.settings = Settings.of(config, config.tabTimeoutMillis(), "clientele-tabs", null);
    }

    @Modified
    void modified(OverviewConfig config) {
        Settings old = settings;
        settings = Settings.of(config, config.tabTimeoutMillis(), "clientele-tabs", old);
        old.retireFor(settings);
    }

    @Deactivate
    void deactivate() {
        settings.pool().close();
    }

    @Reference(service = ClientTab.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
            unbind = "removeTab", updated = "updatedTab")
    void addTab(ServiceReference<ClientTab> ref, ClientTab tab) {
        tabs.add(tab, Whiteboard.properties(ref), Whiteboard.origin(ref));
    }

    void updatedTab(ServiceReference<ClientTab> ref, ClientTab tab) {
        tabs.update(tab, Whiteboard.properties(ref), Whiteboard.origin(ref));
    }

    void removeTab(ServiceReference<ClientTab> ref) {
        tabs.remove(Whiteboard.properties(ref));
    }

    /** The tracked tabs, for tests. */
    Whiteboard<ClientTab> tracked() {
        return tabs;
    }

    @Override
    public List<TabInfo> tabs(String clientId, Locale locale) {
        clients.get(clientId);
        List<TabInfo> list = new ArrayList<>();
        for (Listing<ClientTab> l : tabs.current()) {
            list.add(new TabInfo(l.id(), l.title(locale), l.order()));
        }
        return list;
    }

    @Override
    public TabView tab(String clientId, String tabId, int limit, int offset, Locale locale) {
        String id = clients.get(clientId).id();
        Listing<ClientTab> l = tabs.find(tabId).orElseThrow(() -> new NotFoundException("tab", tabId));
        validatePaging(limit, offset);
        Settings s = settings;
        TabRequest request = new TabRequest(id, limit, offset, s.today().get(), locale);
        String title = l.title(locale);
        Future<TabContent> call;
        try {
            call = s.pool().submit(() -> l.service().render(request));
        } catch (RejectedExecutionException e) {
            LOG.warn("Tab '{}' of bundle {} not rendered: every tab thread is busy and the queue is full", l.id(),
                    l.origin());
            return notShown(l, title, request);
        }
        try {
            TabContent content = call.get(s.budgetMillis(), TimeUnit.MILLISECONDS);
            return new TabView(l.id(), title, content == null ? List.of() : content.blocks());
        } catch (TimeoutException e) {
            call.cancel(true);
            LOG.warn("Tab '{}' of bundle {} did not answer within {} ms; cancelled", l.id(), l.origin(),
                    s.budgetMillis());
            return new TabView(l.id(), title, List.of(new Block.Text(null,
                    request.text("This tab did not answer in time. Please try again later.",
                            "Dieser Tab hat nicht rechtzeitig geantwortet. Bitte versuchen Sie es später noch einmal."))));
        } catch (ExecutionException e) {
            LOG.error("Tab '{}' of bundle {} failed to render for client {}", l.id(), l.origin(), id, e.getCause());
            return notShown(l, title, request);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            return notShown(l, title, request);
        }
    }

    private static TabView notShown(Listing<ClientTab> l, String title, TabRequest request) {
        return new TabView(l.id(), title, List.of(new Block.Text(null,
                request.text("This tab could not be shown. Please try again later.",
                        "Dieser Tab kann gerade nicht angezeigt werden. Bitte versuchen Sie es später noch einmal."))));
    }

    /** limit 1 to 500, offset 0 or more: one error per bad parameter. */
    static void validatePaging(int limit, int offset) {
        List<FieldError> errors = new ArrayList<>();
        if (limit < 1 || limit > MAX_LIMIT) {
            errors.add(new FieldError("limit", "OUT_OF_RANGE", "limit must be between 1 and " + MAX_LIMIT + "."));
        }
        if (offset < 0) {
            errors.add(new FieldError("offset", "OUT_OF_RANGE", "offset must be 0 or more."));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }
}
