package city.tds.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatusListTest {

    @Test
    void setBitsAreReadBackAndOthersAreNot() {
        String list = StatusList.encode(List.of(0, 7, 8, 131_071));
        assertThat(list).startsWith("u");
        for (int set : new int[] {0, 7, 8, 131_071}) {
            assertThat(StatusList.isSet(list, set)).as("bit %d", set).isTrue();
        }
        for (int unset : new int[] {1, 6, 9, 1000, 131_070}) {
            assertThat(StatusList.isSet(list, unset)).as("bit %d", unset).isFalse();
        }
    }

    @Test
    void anEmptyListIsSmallButHasTheMinimumLength() {
        String list = StatusList.encode(List.of());
        assertThat(list.length()).isLessThan(200);
        assertThat(StatusList.isSet(list, 131_071)).isFalse();
    }

    @Test
    void malformedListsAndIndexesAreRefused() {
        assertThatThrownBy(() -> StatusList.isSet("xabc", 0)).hasMessageContaining("multibase");
        assertThatThrownBy(() -> StatusList.isSet("u!!!", 0)).hasMessageContaining("not GZIP");
        assertThatThrownBy(() -> StatusList.encode(List.of(131_072))).hasMessageContaining("out of range");
    }
}
