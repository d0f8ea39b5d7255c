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
 */
public record DemoParticipant(String nodeName, String displayName, Set<NodeRole> roles) {

    /** The space operator and the three participants of the seed's small-business credit scenario (专栏 3). */
    public static final List<DemoParticipant> ALL = List.of(
            new DemoParticipant("space", "城市可信数据空间运营方 / space operator", Set.of(NodeRole.SPACE)),
            new DemoParticipant("tax-bureau", "市税务局 / city tax bureau", Set.of(NodeRole.CONNECTOR)),
            new DemoParticipant("social-security", "市人力资源和社会保障局 / social-security bureau", Set.of(NodeRole.CONNECTOR)),
            new DemoParticipant("bank", "城商银行 / city commercial bank", Set.of(NodeRole.CONNECTOR)));
}
