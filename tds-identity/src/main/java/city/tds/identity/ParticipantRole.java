package city.tds.identity;

/** What a participant does in the space; several at once. */
public enum ParticipantRole {
    /** 数据提供方 */
    PROVIDER,
    /** 数据使用方 */
    CONSUMER,
    /** 数据服务方 */
    SERVICE_PROVIDER
}
