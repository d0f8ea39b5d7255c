package city.tds.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationsTest {

    @TempDir
    Path dir;

    @Test
    void theBundledVersionsAreFoundOnTheClassPath() {
        // this module bundles V1; modules that depend on tds-store add theirs
        assertThat(Migrations.latestBundledVersion()).isEqualTo(1);
    }

    private static int history(Database db) {
        return db.jdbi()
                .withHandle(h -> h.createQuery("SELECT COUNT(*) FROM flyway_schema_history")
                        .mapTo(Integer.class)
                        .one());
    }

    @Test
    void anUpToDateDatabaseReopensWithoutMigratingAndAFailedMigrationIsFlywaysToReport() {
        int rows;
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            rows = history(db);
            assertThat(rows).isPositive();
        }
        try (Database db = Database.open(DatabaseSettings.embedded(dir))) {
            // up to date: nothing ran again
            assertThat(history(db)).isEqualTo(rows);
            db.jdbi().useHandle(h -> h.execute("UPDATE flyway_schema_history SET success = FALSE"));
        }
        // a failed migration on record makes Flyway run, and it refuses to go on until it is repaired
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Database.open(DatabaseSettings.embedded(dir)))
                .isInstanceOf(DatabaseUnavailableException.class)
                .hasMessageContaining("cannot prepare the schema");
    }
}
