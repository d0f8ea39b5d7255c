package city.tds.dataplane.source;

import city.tds.core.Problem;
import city.tds.core.Result;
import java.io.InputStream;
import java.util.List;

/**
 * Masks a source's CSV data row by row before it is delivered, as an agreement's duty to anonymise requires, with the
 * source's masking profile and keys the connector derives for the source (never stored). Implemented outside the
 * data plane (tds-server, with tds-governance); the data plane only asks it.
 */
public interface DeliveryMasking {

    /** Masked CSV data and the columns masked in it. */
    record Masked(InputStream data, List<String> columns) {}

    /**
     * Checks {@code profile} (YAML) against the header of CSV data {@code csv} of source {@code sourceName}, reading
     * only the header: the columns it masks, or why it cannot be used (it does not parse, names a column the header
     * lacks, uses an unknown algorithm). The caller closes {@code csv}.
     */
    Result<List<String>> check(String profile, String sourceName, InputStream csv);

    /**
     * {@code csv} (from its first byte, header included) masked with {@code source}'s masking profile, as a stream
     * produced row by row as it is read. The same data masks to the same bytes every time, so a resumed delivery may
     * skip what it sent. Closing the masked stream closes {@code csv}. Fails if the profile no longer fits the data's
     * header; malformed rows fail the read with an {@link java.io.IOException}.
     */
    Result<Masked> mask(InputStream csv, SourceDefinition source);

    /** No masking here: a source cannot be given a masking profile, and data under a duty to anonymise never flows. */
    DeliveryMasking NONE = new DeliveryMasking() {
        @Override
        public Result<List<String>> check(String profile, String sourceName, InputStream csv) {
            return Result.fail(Problem.invalidInput(
                    "masking-unavailable", "this connector cannot mask data: a source cannot have a masking profile"));
        }

        @Override
        public Result<Masked> mask(InputStream csv, SourceDefinition source) {
            return Result.fail(
                    Problem.conflict("masking-unavailable", "this connector cannot mask source " + source.name()));
        }
    };
}
