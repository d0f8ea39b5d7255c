package city.tds.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.core.node.NodeIdentity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

public abstract class NodeIdentityStoreContract extends DatabaseContract {

    @Test
    void anIdentityIsWrittenOnceAndReadBackExactly() {
        JdbiNodeIdentityStore store = new JdbiNodeIdentityStore(database);
        assertThat(store.find()).isEmpty();

        NodeIdentity identity =
                new NodeIdentity("0193-node", "tax-bureau", "GM", Instant.parse("2026-12-01T08:00:00.123456Z"));
        store.create(identity);

        assertThat(store.find()).contains(identity);
        assertThatThrownBy(() -> store.create(new NodeIdentity("other", "x", "INTL", Instant.EPOCH)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(store.find()).contains(identity);
    }
}
