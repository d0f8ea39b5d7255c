package city.tds.catalog;

/** The documents a product carries into compliance review. */
public enum AttachmentKind {
    /** 合规评估报告: required for listing. */
    COMPLIANCE_ASSESSMENT("合规评估"),
    /** 质量评估报告: required for listing. */
    QUALITY_ASSESSMENT("质量评估"),
    /** 其他材料 */
    OTHER("其他材料");

    private final String label;

    AttachmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
