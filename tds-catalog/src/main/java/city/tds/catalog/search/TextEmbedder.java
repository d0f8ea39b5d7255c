package city.tds.catalog.search;

import java.util.List;

/** Turns text into L2-normalised vectors for semantic search. Implementations are thread-safe. */
public interface TextEmbedder {

    /** The length of every vector this embedder returns. */
    int dimensions();

    /** The vector of a passage (a product's {@link SearchDocument#embeddingText()}); text must not be blank. */
    float[] embed(String text);

    /** The vectors of several passages, in order; faster than one call per text. */
    List<float[]> embedAll(List<String> texts);

    /** The vector of a user's query, to be compared with passage vectors; by default the same as a passage. */
    default float[] embedQuery(String query) {
        return embed(query);
    }
}
