package city.tds.dataplane.received;

import java.io.IOException;
import java.io.InputStream;

/** Where a copy's data comes from: the provider's data address, readable from any byte offset. */
public interface DataFetcher {

    /** The data from byte {@code offset} to its end. */
    InputStream open(long offset) throws IOException;

    /** The provider's checksum ({@code sm3:<hex>}) of everything it sent, once the data was read to its end. */
    String providerChecksum() throws IOException;
}
