package city.tds.server.testkit;

import city.tds.crypto.SuiteId;
import city.tds.server.demo.Demo;
import city.tds.server.demo.DemoCatalog;
import city.tds.server.demo.DemoContract;
import city.tds.server.demo.DemoOnboarding;
import city.tds.server.identity.SpaceClient;
import city.tds.server.node.TdsNode;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * The demo's four nodes after its first steps — onboarding, the catalog and the bank's first agreement — which the flow
 * tests over HTTP start from. Closing it stops the nodes.
 */
public record DemoWalk(Demo demo, List<DemoOnboarding.Onboarded> onboarded, DemoContract.Agreed agreed)
        implements AutoCloseable {

    /** Starts the demo's nodes in {@code dir} (GM suite, cheap key derivation) and walks its first steps. */
    public static DemoWalk start(Path dir) {
        Demo demo =
                Demo.start(dir, 0, SuiteId.GM, "demo-passphrase".toCharArray(), Clock.systemUTC(), TestNodes.CHEAP_KDF);
        List<DemoOnboarding.Onboarded> onboarded = DemoOnboarding.run(demo, line -> {});
        DemoCatalog.run(demo, onboarded, line -> {});
        DemoContract.Agreed agreed = DemoContract.run(demo, onboarded, line -> {});
        return new DemoWalk(demo, onboarded, agreed);
    }

    /** The demo's node of that name: space, tax-bureau, social-security, bank. */
    public TdsNode node(String name) {
        return demo.node(name).node();
    }

    /** A client of the space node. */
    public SpaceClient space() {
        return new SpaceClient(demo.nodes().get(0).node().url());
    }

    /** An access token of one of the demo's accounts ({@code bank-admin}, {@code demo-listing-reviewer}, ...). */
    public String login(String user) {
        return space().login(user, DemoOnboarding.PASSWORD);
    }

    @Override
    public void close() {
        demo.close();
    }
}
