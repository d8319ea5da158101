package org.clientele.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;

import javax.inject.Inject;

import org.apache.karaf.features.FeaturesService;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An operator's path: a stock Apache Karaf 4.4.10, our feature repository added, the
 * feature installed — and the same API answers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafIT extends KarafTestSupport {

    @Inject
    private FeaturesService features;

    @Configuration
    public Option[] config() {
        return new Option[] {stockKaraf(), common(),
                editConfigurationFilePut("etc/system.properties", "clientele.version", System.getProperty("clientele.version")),
                // the test probe uses Jackson; with it there from the start, the probe's own
                // imports do not change when the feature brings Jackson
                mavenBundle("com.fasterxml.jackson.core", "jackson-annotations").versionAsInProject(),
                mavenBundle("com.fasterxml.jackson.core", "jackson-core").versionAsInProject(),
                mavenBundle("com.fasterxml.jackson.core", "jackson-databind").versionAsInProject()};
    }

    @Test
    public void featureInstallsIntoStockKarafAndServesTheApi() throws Exception {
        String version = System.getProperty("clientele.version");
        features.addRepository(URI.create("mvn:org.clientele/clientele-features/" + version + "/xml/features"));
        features.installFeature("clientele", EnumSet.noneOf(FeaturesService.Option.class));
        assertTrue(features.isInstalled(features.getFeature("clientele")));

        await("the API answers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").get("/api/health").status() == 200);
        Http.Answer created = http("editor").post("/api/clients", ClientApiIT.client("Stock Karaf GmbH"));
        assertEquals(created.toString(), 201, created.status());
        JsonNode found = http("viewer").get("/api/clients?q=stock%20karaf").json();
        assertEquals(1, found.get("total").asInt());
        assertEquals(401, http(null).get("/api/clients").status());
        String list = shell("clients:list stock");
        assertTrue(list, list.contains("Stock Karaf GmbH"));

        String log = Files.readString(Path.of(System.getProperty("karaf.data"), "log", "karaf.log"));
        assertFalse("installing the feature refreshed bundles:\n" + log, log.contains("Refreshing bundles"));

        features.uninstallFeature("clientele");
        // the HTTP service may go with it (nothing else needs it): any answer but 200 will do
        await("the API is gone").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/health") != 200);
    }
}
