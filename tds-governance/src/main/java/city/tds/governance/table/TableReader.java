package city.tds.governance.table;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/**
 * A table read row by row, whatever holds it (a CSV file, a JDBC result). Values are strings as the source holds
 * them; {@code null} is a missing value (an empty unquoted CSV field, SQL {@code NULL}).
 *
 * <p>Malformed content (a ragged row, bytes that are not in the file's encoding) is thrown as a
 * {@link city.tds.core.ProblemException} whose detail names the line. Not thread-safe.
 */
public interface TableReader extends Closeable {

    /** The column names, in order; distinct and not blank. */
    List<String> header();

    /**
     * The next row, a fresh array with one value per column, or {@code null} at the end of the table.
     *
     * @throws city.tds.core.ProblemException if the row is malformed
     */
    String[] next() throws IOException;

    /** Where the row last returned starts, for messages: {@code line 17} or {@code row 17}. */
    String position();

    /** How much of the source has been read so far, in {@link #size()}'s unit; for progress bars. */
    long consumed();

    /** The size of the source (bytes of a file), or {@code -1} when unknown. */
    long size();

    /** How the values were decoded, for reports: {@code UTF-8}, {@code GB18030 (GBK), detected}, {@code JDBC}. */
    String encoding();
}
