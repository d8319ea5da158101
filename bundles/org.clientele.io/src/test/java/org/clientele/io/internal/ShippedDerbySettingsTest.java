package org.clientele.io.internal;

import static org.junit.Assert.assertEquals;

import java.nio.file.Files;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.Test;

/** The benchmark finds the Derby settings that the distribution ships (IoBench runs Derby with them). */
public class ShippedDerbySettingsTest {

    @Test
    public void theDistributionsDerbyStorageSettingsAreFound() throws Exception {
        Map<String, String> shipped = IoBench.shippedDerbySettings(
                Files.readString(Paths.get("../../karaf-distribution/pom.xml")));
        assertEquals("20000", shipped.get("derby.storage.pageCacheSize"));
        assertEquals("1048576", shipped.get("derby.storage.logBufferSize"));
        assertEquals("128000000", shipped.get("derby.storage.checkpointInterval"));
    }

    @Test
    public void onlyTheSystemPropertiesBlockCounts() {
        String pom = "<concat destfile=\"${x}/etc/other.cfg\">\nderby.storage.pageCacheSize = 1\n</concat>\n"
                + "<concat destfile=\"${project.build.directory}/assembly/etc/system.properties\" append=\"true\">\n"
                + "# a comment\nderby.stream.error.file = ${karaf.data}/log/derby.log\n"
                + "derby.storage.pageCacheSize = 20000\n  derby.storage.logBufferSize=1048576\n</concat>";
        assertEquals(Map.of("derby.storage.pageCacheSize", "20000", "derby.storage.logBufferSize", "1048576"),
                IoBench.shippedDerbySettings(pom));
    }
}
