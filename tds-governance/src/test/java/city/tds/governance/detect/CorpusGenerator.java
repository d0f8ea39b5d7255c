package city.tds.governance.detect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Generates the labelled detection corpus ({@code corpus.tsv}, lines of {@code label<TAB>value}) from a fixed seed:
 * valid values of every {@link SensitiveKind} in realistic formats, near misses of each kind labelled {@code NONE},
 * and ordinary non-sensitive values labelled {@code NONE}.
 *
 * <p>Run {@link #main} from the module directory to rewrite the committed file.
 */
final class CorpusGenerator {

    static final long SEED = 20_260_801L;
    static final String RESOURCE = "corpus.tsv";
    static final String NONE = "NONE";
    private static final int VALID_PER_KIND = 1500;
    private static final int NEAR_MISSES_PER_KIND = 700;
    private static final int ORDINARY = 3000;

    private CorpusGenerator() {}

    static List<String> generate() {
        Random random = new Random(SEED);
        IdentifierSamples ids = new IdentifierSamples(random);
        ContactSamples contacts = new ContactSamples(random, ids);
        PlateAndNameSamples plates = new PlateAndNameSamples(random);
        AddressAndOrdinarySamples addresses = new AddressAndOrdinarySamples(random, ids);
        List<String> lines = new ArrayList<>();
        add(lines, SensitiveKind.RESIDENT_ID, ids::residentId, ids::residentIdNearMiss);
        add(lines, SensitiveKind.MOBILE, contacts::mobile, contacts::mobileNearMiss);
        add(lines, SensitiveKind.LANDLINE, contacts::landline, contacts::landlineNearMiss);
        add(lines, SensitiveKind.CREDIT_CODE, ids::creditCode, ids::creditCodeNearMiss);
        add(lines, SensitiveKind.BANK_CARD, ids::bankCard, ids::bankCardNearMiss);
        add(lines, SensitiveKind.EMAIL, contacts::email, contacts::emailNearMiss);
        add(lines, SensitiveKind.IP_ADDRESS, contacts::ipAddress, contacts::ipAddressNearMiss);
        add(lines, SensitiveKind.LICENCE_PLATE, plates::plate, plates::plateNearMiss);
        add(lines, SensitiveKind.PERSON_NAME, plates::personName, plates::personNameNearMiss);
        add(lines, SensitiveKind.ADDRESS, addresses::address, addresses::addressNearMiss);
        for (int i = 0; i < ORDINARY; i++) {
            lines.add(NONE + "\t" + addresses.ordinary());
        }
        return lines;
    }

    private static void add(List<String> lines, SensitiveKind kind, Supplier<String> valid, Supplier<String> nearMiss) {
        for (int i = 0; i < VALID_PER_KIND; i++) {
            lines.add(kind.name() + "\t" + valid.get());
        }
        for (int i = 0; i < NEAR_MISSES_PER_KIND; i++) {
            String value;
            do {
                value = nearMiss.get();
            } while (IdentifierSamples.isCardLike(value));
            lines.add(NONE + "\t" + value);
        }
    }

    /** Writes the corpus to {@code args[0]}, by default the test resource in this module. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "src/test/resources/city/tds/governance/detect/" + RESOURCE);
        Files.write(target, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
