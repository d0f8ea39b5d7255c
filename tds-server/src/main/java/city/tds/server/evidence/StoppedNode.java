package city.tds.server.evidence;

import city.tds.crypto.CryptoSuite;
import city.tds.crypto.CryptoSuites;
import city.tds.crypto.SigningPublicKey;
import city.tds.crypto.SuiteId;
import city.tds.evidence.log.EvidenceStore;
import city.tds.evidence.log.JdbiEvidenceStore;
import city.tds.server.config.ConfigException;
import city.tds.store.Database;
import city.tds.store.DatabaseSettings;
import city.tds.store.DatabaseUnavailableException;
import city.tds.store.JdbiNodeIdentityStore;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Properties;

/**
 * A stopped node's database and key file, opened read-only for the evidence tools. Nothing is migrated or written.
 */
public final class StoppedNode implements AutoCloseable {

    private final Database database;
    private final CryptoSuite suite;
    private final Path dataDir;

    private StoppedNode(Database database, CryptoSuite suite, Path dataDir) {
        this.database = database;
        this.suite = suite;
        this.dataDir = dataDir;
    }

    /**
     * @param databaseUrl the node's database, or null for the embedded one in {@code dataDir}
     */
    public static StoppedNode open(Path dataDir, String databaseUrl, String user, String password) {
        DatabaseSettings settings = databaseUrl == null
                ? DatabaseSettings.embedded(dataDir).existingOnly()
                : new DatabaseSettings(databaseUrl, user, password, 2, java.time.Duration.ofSeconds(5));
        Database database;
        try {
            database = Database.openExisting(settings);
        } catch (DatabaseUnavailableException e) {
            throw new ConfigException("无法打开节点数据库 / cannot open the node's database (is the node stopped, and is "
                    + dataDir + " a TDS data directory?): " + e.getMessage());
        }
        try {
            String suiteName = new JdbiNodeIdentityStore(database)
                    .find()
                    .orElseThrow(() -> new ConfigException("not a TDS node database: it has no node identity"))
                    .cryptoSuite();
            SuiteId suite = SuiteId.parse(suiteName).orElseThrow();
            return new StoppedNode(database, CryptoSuites.create(suite, new SecureRandom()), dataDir);
        } catch (RuntimeException e) {
            database.close();
            if (e instanceof ConfigException) {
                throw e;
            }
            throw new ConfigException("not a TDS node database: " + e.getMessage());
        }
    }

    public CryptoSuite suite() {
        return suite;
    }

    public EvidenceStore evidenceStore() {
        return new JdbiEvidenceStore(database, suite.hashLength());
    }

    /** The public key written in the node's key file (its header, readable without the passphrase). */
    public SigningPublicKey keyFromKeyFile() {
        Path file = dataDir.resolve("keys").resolve("node-signing.key");
        Properties fields = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            fields.load(reader);
        } catch (IOException e) {
            throw new ConfigException("cannot read the node key file " + file + "; give --public-key");
        }
        byte[] encoded = Base64.getDecoder().decode(fields.getProperty("publicKey", ""));
        return suite.readPublicKey(encoded)
                .orElseThrow(() -> new ConfigException("the key file " + file + " holds no valid public key"));
    }

    @Override
    public void close() {
        database.close();
    }
}
