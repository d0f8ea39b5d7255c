package city.tds.systemtests.tck;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.dataspacetck.core.system.ConsoleMonitor;
import org.eclipse.dataspacetck.dsp.system.DspSystemLauncher;
import org.eclipse.dataspacetck.runtime.TckRuntime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The Dataspace Protocol TCK 1.0.0-RC6 (Eclipse Dataspace TCK, from Maven Central) against a TDS connector in TCK
 * mode: metadata, catalog, contract negotiation and transfer process, with the connector as provider and as consumer.
 * Every test the TCK does not disable must pass.
 */
class DspTckIT {

    /** The tests RC6 runs (two transfer tests are disabled in the TCK itself). */
    private static final int TCK_TESTS = 65;

    @TempDir
    Path dir;

    @Test
    void everyTestOfTheDspTckPasses() throws IOException {
        TckScript script = new TckScript();
        String token = "tck-" + UUID.randomUUID();
        int tckPort = freePort();
        String tckAddress = "http://localhost:" + tckPort;
        try (TckModeConnector connector = new TckModeConnector(dir, script, token, tckAddress)) {
            Map<String, String> properties = new HashMap<>(script.properties());
            properties.put("dataspacetck.callback.address", tckAddress);
            properties.put("dataspacetck.host", "localhost");
            properties.put("dataspacetck.port", Integer.toString(tckPort));
            properties.put("dataspacetck.dsp.connector.agent.id", TckModeConnector.PARTICIPANT);
            properties.put("dataspacetck.dsp.connector.http.url", connector.protocolUrl());
            properties.put("dataspacetck.dsp.connector.http.base.url", connector.baseUrl());
            properties.put("dataspacetck.dsp.connector.http.headers.authorization", "Bearer " + token);
            properties.put(
                    "dataspacetck.dsp.connector.negotiation.initiate.url",
                    connector.baseUrl() + "/tck/negotiations/requests");
            properties.put(
                    "dataspacetck.dsp.connector.transfer.initiate.url",
                    connector.baseUrl() + "/tck/transfers/requests");
            properties.put("dataspacetck.dsp.default.wait", "20");

            TestExecutionSummary summary = TckRuntime.Builder.newInstance()
                    .launcher(DspSystemLauncher.class)
                    .monitor(new ConsoleMonitor(false, false))
                    .properties(properties)
                    .addPackage("org.eclipse.dataspacetck.dsp.verification")
                    .build()
                    .execute();

            StringWriter report = new StringWriter();
            summary.printTo(new PrintWriter(report));
            summary.printFailuresTo(new PrintWriter(report), 12);
            List<String> failed = summary.getFailures().stream()
                    .map(f -> f.getTestIdentifier().getDisplayName() + ": " + f.getException())
                    .toList();
            assertThat(failed)
                    .as("%s%nconnector: %s", report, connector.statesOfNegotiations())
                    .isEmpty();
            System.out.println(report);
            assertThat(summary.getTestsSucceededCount()).as("%s", report).isEqualTo(TCK_TESTS);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
