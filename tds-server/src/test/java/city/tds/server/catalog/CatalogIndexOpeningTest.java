package city.tds.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.catalog.search.CatalogIndex;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogIndexOpeningTest {

    @TempDir
    Path dataDir;

    @Test
    void closingReleasesTheIndexWhetherOrNotTheNodeTookIt() {
        CatalogIndexOpening opening = CatalogIndexOpening.start(dataDir, "test");
        CatalogIndex index = opening.await();
        index.commit(Map.of("storeVersion", "7"));
        opening.close();

        CatalogIndexOpening again = CatalogIndexOpening.start(dataDir, "test");
        assertThat(again.await().commitData()).containsEntry("storeVersion", "7");
        again.close();

        // never awaited: closing waits for the opening thread and closes what it opened, so the lock is free again
        CatalogIndexOpening unused = CatalogIndexOpening.start(dataDir, "test");
        unused.close();
        CatalogIndexOpening last = CatalogIndexOpening.start(dataDir, "test");
        assertThat(last.await().size()).isZero();
        last.close();
    }

    @Test
    void aFailureToOpenIsRethrownWhereTheIndexIsNeeded() throws IOException {
        Files.writeString(dataDir.resolve("catalog-index"), "not a directory");

        CatalogIndexOpening opening = CatalogIndexOpening.start(dataDir, "test");

        assertThatThrownBy(opening::await).hasMessageContaining("catalog-index");
        opening.close();
    }
}
