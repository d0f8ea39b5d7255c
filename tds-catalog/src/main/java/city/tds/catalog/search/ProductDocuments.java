package city.tds.catalog.search;

import java.util.List;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.KnnFloatVectorField;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.VectorSimilarityFunction;

/** Turns a {@link SearchDocument} and its vector into the Lucene document the index stores. */
final class ProductDocuments {
    private final int dimensions;

    ProductDocuments(int dimensions) {
        this.dimensions = dimensions;
    }

    Document toLucene(SearchDocument product, float[] vector) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, product.productId(), Field.Store.YES));
        doc.add(new TextField(IndexFields.NAME, product.name(), Field.Store.NO));
        for (String text : texts(product)) {
            doc.add(new TextField(IndexFields.ALL, text, Field.Store.NO));
        }
        doc.add(new TextField(IndexFields.BIGRAMS, bigramText(product), Field.Store.NO));
        if (product.registrationCode() != null && !product.registrationCode().isBlank()) {
            doc.add(new StringField(
                    IndexFields.REGISTRATION_CODE, exactCode(product.registrationCode()), Field.Store.NO));
        }
        long listedAt = product.listedAt() == null ? 0 : product.listedAt().toEpochMilli();
        doc.add(new NumericDocValuesField(IndexFields.LISTED_AT, listedAt));
        addFacet(doc, Facet.ZONE, product.zoneIds());
        addFacet(doc, Facet.INDUSTRY, single(product.industry()));
        addFacet(doc, Facet.PROVIDER, single(product.providerId()));
        addFacet(doc, Facet.PRODUCT_TYPE, single(product.productType()));
        addFacet(doc, Facet.GRADE, single(product.grade()));
        addFacet(doc, Facet.DELIVERY_MODE, product.deliveryModes());
        if (vector != null) {
            if (vector.length != dimensions) {
                throw new IllegalArgumentException("vector of " + product.productId() + " has " + vector.length
                        + " dimensions, the index " + dimensions);
            }
            doc.add(new KnnFloatVectorField(IndexFields.VECTOR, vector, VectorSimilarityFunction.DOT_PRODUCT));
        }
        return doc;
    }

    /** Registration codes and product ids are matched exactly, ignoring surrounding space and case. */
    static String exactCode(String code) {
        return code.strip().toUpperCase(java.util.Locale.ROOT);
    }

    private static List<String> texts(SearchDocument product) {
        List<String> texts = new java.util.ArrayList<>();
        texts.add(product.name());
        texts.addAll(product.keywords());
        texts.add(product.description());
        texts.addAll(product.fieldNames());
        if (product.providerName() != null) {
            texts.add(product.providerName());
        }
        return texts;
    }

    private static String bigramText(SearchDocument product) {
        return String.join("\n", texts(product));
    }

    private static void addFacet(Document doc, Facet facet, List<String> values) {
        for (String value : new java.util.LinkedHashSet<>(values)) {
            doc.add(new StringField(facet.field(), value, Field.Store.NO));
            doc.add(new SortedSetDocValuesField(FacetCounts.FIELD, FacetCounts.encode(facet, value)));
        }
    }

    private static List<String> single(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.strip());
    }
}
