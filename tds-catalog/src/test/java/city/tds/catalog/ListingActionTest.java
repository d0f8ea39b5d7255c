package city.tds.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListingActionTest {

    @Test
    void theWorkflowAllowsExactlyTheseSteps() {
        assertThat(ListingAction.allowedFromStatus(ListingStatus.DRAFT)).containsExactly(ListingAction.SUBMIT);
        assertThat(ListingAction.allowedFromStatus(ListingStatus.SUBMITTED))
                .containsExactly(
                        ListingAction.WITHDRAW, ListingAction.APPROVE, ListingAction.RETURN, ListingAction.REJECT);
        assertThat(ListingAction.allowedFromStatus(ListingStatus.IN_NOTICE))
                .containsExactly(ListingAction.CONCLUDE_NOTICE, ListingAction.UPHOLD_OBJECTION);
        assertThat(ListingAction.allowedFromStatus(ListingStatus.LISTED))
                .containsExactly(ListingAction.SUSPEND, ListingAction.DELIST, ListingAction.SUPERSEDE);
        for (ListingStatus terminal :
                new ListingStatus[] {ListingStatus.DELISTED, ListingStatus.REJECTED, ListingStatus.SUPERSEDED}) {
            assertThat(ListingAction.allowedFromStatus(terminal)).isEmpty();
        }
    }

    @Test
    void onlyListedVersionsAreSearchableAndOnlyDraftsEditable() {
        for (ListingStatus s : ListingStatus.values()) {
            assertThat(s.searchable()).isEqualTo(s == ListingStatus.LISTED);
            assertThat(s.editable()).isEqualTo(s == ListingStatus.DRAFT);
        }
    }
}
