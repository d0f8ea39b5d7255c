package city.tds.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultTest {

    @Test
    void okCarriesValueAndMaps() {
        Result<Integer> result = Result.ok(20).map(n -> n + 1);
        assertThat(result.isOk()).isTrue();
        assertThat(result.value()).isEqualTo(21);
        assertThatThrownBy(result::problem).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void failureShortCircuitsMapAndFlatMap() {
        Result<Integer> failed = Result.fail(ProblemKind.NOT_FOUND, "unknown-node", "no node n1");
        Result<String> mapped = failed.map(n -> "never").flatMap(s -> Result.ok("never"));
        assertThat(mapped.isOk()).isFalse();
        assertThat(mapped.problem().code()).isEqualTo("unknown-node");
        assertThatThrownBy(mapped::value).hasMessageContaining("no node n1");
    }

    @Test
    void orElseThrowRaisesTheProblem() {
        Result<String> failed = Result.fail(Problem.conflict("already-decided", "application a1 was approved"));
        assertThatThrownBy(failed::orElseThrow)
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        e -> assertThat(e.problem().kind()).isEqualTo(ProblemKind.CONFLICT));
    }

    @Test
    void problemCodeMustBeASlug() {
        assertThatThrownBy(() -> Problem.invalidInput("Bad Code", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Problem.invalidInput("bad-code-2", "x").code()).isEqualTo("bad-code-2");
    }
}
