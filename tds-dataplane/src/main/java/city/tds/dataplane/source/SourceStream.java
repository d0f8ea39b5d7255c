package city.tds.dataplane.source;

import java.io.IOException;
import java.io.InputStream;

/** The data of a source, read once from a given byte offset; closing it releases the file or connection. */
public record SourceStream(InputStream data, SourceKind kind) implements AutoCloseable {

    @Override
    public void close() throws IOException {
        data.close();
    }
}
