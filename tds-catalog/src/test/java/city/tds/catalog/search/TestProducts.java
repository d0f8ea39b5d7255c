package city.tds.catalog.search;

import java.time.Instant;
import java.util.List;

/** Small builders of search documents and vectors for tests. */
final class TestProducts {
    private TestProducts() {}

    static SearchDocument product(String id, String name, String description, String zone) {
        return new SearchDocument(
                id,
                name,
                description,
                List.of(),
                List.of(),
                "provider-1",
                "市大数据集团",
                "金融",
                "数据集",
                "一般-1级",
                List.of("api"),
                List.of(zone),
                null,
                Instant.parse("2026-01-01T00:00:00Z"));
    }

    static SearchDocument product(
            String id,
            String name,
            String industry,
            String productType,
            List<String> deliveryModes,
            List<String> zones,
            Instant listedAt) {
        return new SearchDocument(
                id,
                name,
                name + "的说明",
                List.of(),
                List.of(),
                "provider-" + industry,
                industry + "数据中心",
                industry,
                productType,
                "一般-2级",
                deliveryModes,
                zones,
                "REG-" + id,
                listedAt);
    }

    /** A unit vector along axis {@code axis} of {@code dimensions}, tilted a little towards the next axis. */
    static float[] unit(int dimensions, int axis, float tilt) {
        float[] v = new float[dimensions];
        v[axis % dimensions] = 1;
        v[(axis + 1) % dimensions] = tilt;
        return BgeSmallZhEmbedder.normalised(v);
    }
}
