package city.tds.identity;

/** The kinds of organisation that join a space. */
public enum OrganizationType {
    /** 政府部门 */
    GOVERNMENT_DEPARTMENT,
    /** 企业 */
    ENTERPRISE,
    /** 事业单位 */
    PUBLIC_INSTITUTION,
    /** 数据服务商 */
    DATA_SERVICE_PROVIDER
}
