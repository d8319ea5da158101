package org.clientele.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.CoreOptions.maven;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.features;

import java.time.Duration;

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
 * An operator's path: a stock Apache Karaf 4.4.10 with our feature repository added and
 * the {@code clientele} feature installed — and the same API and shell answer.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class StockKarafIT extends KarafTestSupport {

    @Inject
    private FeaturesService featuresService;

    @Configuration
    public Option[] config() {
        return new Option[] {stockKaraf(), common(),
                features(maven().groupId("org.clientele").artifactId("clientele-features").type("xml")
                        .classifier("features").versionAsInProject(), "clientele")};
    }

    @Test
    public void featureInstallsIntoStockKarafAndServesTheApi() throws Exception {
        assertTrue(featuresService.isInstalled(featuresService.getFeature("clientele")));
        await("the API answers").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(() -> http("viewer").statusOf("/api/health") == 200);
        Http.Answer created = http("editor").post("/api/clients", ClientApiIT.client("Stock Karaf GmbH"));
        assertEquals(created.toString(), 201, created.status());
        JsonNode found = http("viewer").get("/api/clients?q=stock%20karaf").json();
        assertEquals(1, found.get("total").asInt());
        assertEquals(401, http(null).get("/api/clients").status());
        String list = shell("clients:list stock");
        assertTrue(list, list.contains("Stock Karaf GmbH"));
    }
}
