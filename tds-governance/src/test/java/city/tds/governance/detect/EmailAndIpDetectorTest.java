package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAndIpDetectorTest {

    private final EmailDetector email = new EmailDetector();
    private final IpAddressDetector ip = new IpAddressDetector();

    @ParameterizedTest
    @ValueSource(strings = {"zhang.wei@qq.com", "123456789@qq.com", "li_na+tag@mail.zju.edu.cn", "A.B@EXAMPLE.ORG"})
    void acceptsEmails(String value) {
        assertThat(email.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "zhang..wei@qq.com",
                ".zhang@qq.com",
                "zhang.@qq.com",
                "zhang@qq..com",
                "zhang@qq",
                "zhang@qq.c",
                "zhang@-qq.com",
                "zhang@qq.com1",
                "zhang wei@qq.com",
                "zhang@@qq.com",
                "zhang@qq_com.cn",
                "张伟@qq.com"
            })
    void rejectsMalformedEmails(String value) {
        assertThat(email.matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "192.168.1.1",
                "0.0.0.0",
                "255.255.255.255",
                "2001:db8::1",
                "::",
                "::1",
                "fe80::1:2:3:4",
                "2001:0DB8:0000:0000:0000:FF00:0042:8329",
                "::ffff:192.168.1.1",
                "1:2:3:4:5:6:1.2.3.4"
            })
    void acceptsIpAddresses(String value) {
        assertThat(ip.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "256.1.1.1",
                "1.2.3",
                "1.2.3.4.5",
                "01.2.3.4",
                "1..2.3",
                "2001:db8::1::2",
                "1:2:3:4:5:6:7:8:9",
                "1:2:3:4:5:6:7",
                "12345::1",
                "2001:db8::g1",
                "12:30:45",
                "00:1A:2B:3C:4D:5E",
                ":1:2:3:4:5:6:7",
                "1:2:3:4:5:6:7:",
                "1:2:3:4:5::6:1.2.3.4",
                "localhost"
            })
    void rejectsMalformedAddresses(String value) {
        assertThat(ip.matches(value)).isFalse();
    }
}
