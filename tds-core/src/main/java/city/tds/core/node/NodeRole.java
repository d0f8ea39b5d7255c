package city.tds.core.node;

/** What a node does. One process may play both roles. */
public enum NodeRole {
    /** The operator's node (空间节点): registry, catalog, listing, evidence, billing, federation. */
    SPACE,
    /** A participant's connector (连接器): DSP endpoints, data sources, data plane, usage control. */
    CONNECTOR
}
