package city.tds.protocol.catalog;

import java.util.List;
import java.util.Optional;

/** The datasets this connector offers; the server answers it from the catalog's listed products of its participant. */
public interface DatasetDirectory {

    List<DspDataset> datasets();

    Optional<DspDataset> find(String id);
}
