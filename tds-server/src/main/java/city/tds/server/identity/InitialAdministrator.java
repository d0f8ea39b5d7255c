package city.tds.server.identity;

import city.tds.identity.Accounts;
import city.tds.identity.Identity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * At the first start of a space node, creates the system administrator {@value Accounts#INITIAL_ADMIN} with a random
 * password written to {@code <data-dir>/keys/initial-sysadmin-password} (owner-only). The administrator logs in with
 * it, changes it, and creates the other operator staff.
 */
public final class InitialAdministrator {

    public static final String FILE = "initial-sysadmin-password";
    private static final Logger LOG = LoggerFactory.getLogger(InitialAdministrator.class);

    private InitialAdministrator() {}

    public static void ensure(Identity identity, Path dataDir) {
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        identity.accounts().bootstrapWithGeneratedPassword(password).ifPresent(admin -> {
            Path file = dataDir.resolve("keys").resolve(FILE);
            try {
                Files.createDirectories(file.getParent());
                Files.writeString(file, password + "\n", StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            } catch (UnsupportedOperationException notPosix) {
                // keep the file system's default permissions
            }
            LOG.info("created the system administrator '{}'; its initial password is in {}", admin.username(), file);
        });
    }
}
