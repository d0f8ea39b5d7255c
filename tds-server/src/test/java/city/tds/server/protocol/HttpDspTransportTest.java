package city.tds.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HttpDspTransportTest {

    @Test
    void onlyATdsConcurrentChangeConflictIsWorthARetry() {
        assertThat(HttpDspTransport.concurrentChange(
                        409, "{\"@type\":\"ContractNegotiationError\",\"code\":\"dsp-concurrent-change\"}"))
                .isTrue();
        assertThat(HttpDspTransport.concurrentChange(
                        409, "{\"@type\":\"ContractNegotiationError\",\"code\":\"dsp-illegal-transition\"}"))
                .isFalse();
        assertThat(HttpDspTransport.concurrentChange(409, "not json")).isFalse();
        assertThat(HttpDspTransport.concurrentChange(400, "{\"code\":\"dsp-concurrent-change\"}"))
                .isFalse();
    }

    @Test
    void theAudienceIsTheReceiversDspBase() {
        assertThat(HttpDspTransport.audience("https://tax.example/api/dsp/2025-1/negotiations/urn:uuid:1/events"))
                .isEqualTo("https://tax.example/api/dsp/2025-1");
        assertThat(HttpDspTransport.audience("http://127.0.0.1:9/negotiations/x/offers"))
                .isEqualTo("http://127.0.0.1:9");
    }
}
