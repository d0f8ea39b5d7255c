package city.tds.governance.detect;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PlateNameAddressDetectorTest {

    private final LicencePlateDetector plate = new LicencePlateDetector();
    private final PersonNameDetector name = new PersonNameDetector();
    private final AddressDetector address = new AddressDetector();

    @ParameterizedTest
    @ValueSource(strings = {"京A12345", "粤B·DF123", "沪A 8K888", "浙AD12345", "浙A12345D", "苏E1234学", "鲁B1234警", "京a12345"})
    void acceptsPlates(String value) {
        assertThat(plate.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"京I12345", "京A1O345", "汉A12345", "京A1234", "京A1234567", "京AM12345", "京ABC1DE"})
    void rejectsPlateNearMisses(String value) {
        assertThat(plate.matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"王伟", "张晓明", "欧阳娜娜", "诸葛亮", "司马光", "覃海燕", "安晓峰"})
    void acceptsNames(String value) {
        assertThat(name.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"北京银行", "公司", "银行", "北京", "黄金", "文明", "吕梁", "安静", "高新区", "张", "王伟伟伟", "Wang Wei"})
    void rejectsWordsThatLookLikeNames(String value) {
        assertThat(name.matches(value)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "浙江省杭州市西湖区文三路90号",
                "北京市朝阳区建国路88号SOHO现代城2号楼1801室",
                "人民路18号",
                "长乐路120弄3号",
                "河南省周口市太康县城郊乡王庄村3组",
                "王庄镇红星村5组",
                "浙江省杭州市西湖区",
                "广东省深圳市南山区科技园路1号3栋2单元501室"
            })
    void acceptsAddresses(String value) {
        assertThat(address.matches(value)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"北京银行股份有限公司", "杭州市西湖区人民政府", "南京路步行街很热闹", "请于3号前完成付款", "会议室在3楼东侧", "江苏南京", "北京地铁线路图", "浙江大学"})
    void rejectsNonAddresses(String value) {
        assertThat(address.matches(value)).isFalse();
    }
}
