package city.tds.server.demo;

import city.tds.core.node.NodeRole;
import java.util.List;
import java.util.Set;

/**
 * One node of the demo.
 *
 * @param nodeName the node name, also its directory under the demo data directory
 * @param displayName who runs it, in Chinese and English
 * @param roles what the node does
 * @param organizationName the organisation's registered name (connectors)
 * @param creditCode its 统一社会信用代码 (demo codes with valid check characters)
 * @param organizationType its kind
 * @param industry its industry
 * @param participantRoles the roles it asks for in the space
 */
public record DemoParticipant(
        String nodeName,
        String displayName,
        Set<NodeRole> roles,
        String organizationName,
        String creditCode,
        String organizationType,
        String industry,
        List<String> participantRoles) {

    /** The space operator and the three participants of the seed's small-business credit scenario (专栏 3). */
    public static final List<DemoParticipant> ALL = List.of(
            new DemoParticipant(
                    "space",
                    "城市可信数据空间运营方 / space operator",
                    Set.of(NodeRole.SPACE),
                    "城市数据集团有限公司",
                    DemoOnboarding.creditCode("91310000MA1TDX001"),
                    "ENTERPRISE",
                    "数据运营",
                    List.of()),
            new DemoParticipant(
                    "tax-bureau",
                    "市税务局 / city tax bureau",
                    Set.of(NodeRole.CONNECTOR),
                    "国家税务总局某市税务局",
                    DemoOnboarding.creditCode("11310000MB2TDX002"),
                    "GOVERNMENT_DEPARTMENT",
                    "税务",
                    List.of("PROVIDER")),
            new DemoParticipant(
                    "social-security",
                    "市人力资源和社会保障局 / social-security bureau",
                    Set.of(NodeRole.CONNECTOR),
                    "某市人力资源和社会保障局",
                    DemoOnboarding.creditCode("11310000MB3TDX003"),
                    "GOVERNMENT_DEPARTMENT",
                    "社会保障",
                    List.of("PROVIDER")),
            new DemoParticipant(
                    "bank",
                    "城商银行 / city commercial bank",
                    Set.of(NodeRole.CONNECTOR),
                    "某城市商业银行股份有限公司",
                    DemoOnboarding.creditCode("91310000MA4TDX004"),
                    "ENTERPRISE",
                    "金融",
                    List.of("CONSUMER")));
}
