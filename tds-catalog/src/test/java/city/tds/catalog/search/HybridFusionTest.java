package city.tds.catalog.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.tds.catalog.search.HybridFusion.Candidate;
import city.tds.catalog.search.HybridFusion.Fused;
import java.util.List;
import org.junit.jupiter.api.Test;

class HybridFusionTest {
    private final HybridFusion fusion = new HybridFusion();

    @Test
    void aDocumentBothSidesRankHighComesFirst() {
        List<Fused> fused = fusion.fuse(
                List.of(new Candidate(1, 9), new Candidate(2, 8), new Candidate(3, 1)),
                List.of(new Candidate(4, 0.70), new Candidate(2, 0.69), new Candidate(5, 0.40)),
                10);

        assertThat(fused.get(0).doc()).isEqualTo(2);
        assertThat(fused.get(0).bm25Rank()).isEqualTo(2);
        assertThat(fused.get(0).denseRank()).isEqualTo(2);
        assertThat(fused).extracting(Fused::doc).containsExactlyInAnyOrder(1, 2, 3, 4, 5);
    }

    @Test
    void aFullTextHitMatchingLittleOfTheQueryDoesNotOutrankTheSemanticTopHit() {
        List<Candidate> weakText = List.of(new Candidate(1, 1.0), new Candidate(2, 0.9));
        List<Candidate> dense = List.of(new Candidate(3, 0.72), new Candidate(1, 0.50), new Candidate(4, 0.40));

        List<Fused> withCeiling = fusion.fuse(weakText, dense, 10);
        List<Fused> minMax = new HybridFusion(HybridFusion.Method.NORMALISED_SCORES, 0.5, 60).fuse(weakText, dense, 10);

        assertThat(withCeiling.get(0).doc()).isEqualTo(3);
        assertThat(minMax.get(0).doc()).isEqualTo(1);
    }

    @Test
    void aFullTextHitCoveringTheWholeQueryOutranksAMediocreNeighbour() {
        List<Fused> fused = fusion.fuse(
                List.of(new Candidate(1, 10)),
                List.of(new Candidate(2, 0.61), new Candidate(1, 0.55), new Candidate(3, 0.30)),
                10);

        assertThat(fused.get(0).doc()).isEqualTo(1);
        assertThat(fused.get(0).score()).isGreaterThan(fused.get(1).score());
    }

    @Test
    void oneSideAloneKeepsItsOrderAndRanks() {
        List<Fused> denseOnly = fusion.fuse(List.of(), List.of(new Candidate(7, 0.8), new Candidate(8, 0.6)), 0);
        List<Fused> textOnly = fusion.fuse(List.of(new Candidate(5, 3), new Candidate(6, 2)), List.of(), 4);

        assertThat(denseOnly).extracting(Fused::doc).containsExactly(7, 8);
        assertThat(denseOnly.get(0).bm25Rank()).isNull();
        assertThat(textOnly).extracting(Fused::doc).containsExactly(5, 6);
        assertThat(textOnly.get(1).bm25Rank()).isEqualTo(2);
        assertThat(textOnly.get(1).denseRank()).isNull();
        assertThat(fusion.fuse(List.of(), List.of(), 0)).isEmpty();
    }

    @Test
    void reciprocalRankFusionUsesRanksOnly() {
        HybridFusion rrf = new HybridFusion(HybridFusion.Method.RECIPROCAL_RANK, 0.5, 60);
        List<Fused> fused = rrf.fuse(
                List.of(new Candidate(1, 1000), new Candidate(2, 1)),
                List.of(new Candidate(2, 0.9), new Candidate(1, 0.1)),
                0);

        assertThat(fused.get(0).score()).isEqualTo(fused.get(1).score());
        assertThat(fused.get(0).score()).isCloseTo(0.5 / 61 + 0.5 / 62, org.assertj.core.data.Offset.offset(1e-12));
    }

    @Test
    void rejectsAWeightOutsideZeroToOne() {
        assertThatThrownBy(() -> new HybridFusion(HybridFusion.Method.CEILING_SCORES, 1.5, 60))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
