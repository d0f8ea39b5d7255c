package city.tds.catalog.search;

import org.apache.lucene.codecs.Codec;
import org.apache.lucene.codecs.KnnVectorsFormat;
import org.apache.lucene.codecs.lucene912.Lucene912Codec;
import org.apache.lucene.codecs.lucene99.Lucene99HnswScalarQuantizedVectorsFormat;
import org.apache.lucene.codecs.lucene99.Lucene99HnswVectorsFormat;

/**
 * The codec of the catalog index: Lucene's default, with the product vectors in an HNSW graph over int8 scalar
 * quantised vectors (the float vectors are kept for merging and exact re-scoring). The codec keeps the name of
 * Lucene's default codec and the format is registered by Lucene itself, so any Lucene 9.12 can read the index.
 */
final class VectorFormats {
    /** HNSW neighbours per node. */
    static final int MAX_CONNECTIONS = 16;
    /** HNSW candidate list size while building the graph. */
    static final int BEAM_WIDTH = 100;

    private VectorFormats() {}

    static Codec quantisedCodec() {
        return codecWith(new Lucene99HnswScalarQuantizedVectorsFormat(MAX_CONNECTIONS, BEAM_WIDTH));
    }

    static Codec floatCodec() {
        return codecWith(new Lucene99HnswVectorsFormat(MAX_CONNECTIONS, BEAM_WIDTH));
    }

    private static Codec codecWith(KnnVectorsFormat vectors) {
        return new Lucene912Codec() {
            @Override
            public KnnVectorsFormat getKnnVectorsFormatForField(String field) {
                return vectors;
            }
        };
    }
}
