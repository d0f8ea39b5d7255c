package city.tds.governance.scan;

import city.tds.governance.detect.ColumnNameHints;
import city.tds.governance.detect.SensitiveKind;
import city.tds.governance.mask.MaskingRule;

/**
 * The masking a scan proposes for a column by the kind found in it: joinable format-preserving encryption for ID
 * numbers, partial masking that keeps what people recognise elsewhere. Credit codes are public (GB 32100 codes are
 * published) and are left as they are.
 */
final class ProposedMasking {

    /** The key name proposed profiles refer to; the user supplies it when masking. */
    static final String KEY = "default";

    private ProposedMasking() {}

    /** The masking for the kind a column's name suggests (身份证号, 手机号…), when its values showed none. */
    static MaskingRule byName(String column) {
        for (SensitiveKind kind : ColumnNameHints.suggest(column)) {
            MaskingRule rule = forKind(kind);
            if (rule != null) {
                return rule;
            }
        }
        return null;
    }

    static MaskingRule forKind(SensitiveKind kind) {
        return switch (kind) {
            case RESIDENT_ID -> MaskingRule.formatPreserving("fpe-id", KEY);
            case MOBILE -> MaskingRule.keep(3, 4);
            case LANDLINE -> MaskingRule.keep(4, 2);
            case CREDIT_CODE -> null;
            case BANK_CARD -> MaskingRule.keep(6, 4);
            case EMAIL -> MaskingRule.maskBefore('@');
            case IP_ADDRESS -> MaskingRule.of("mask-after").with("char", ".");
            case LICENCE_PLATE -> MaskingRule.keep(2, 1);
            case PERSON_NAME -> MaskingRule.keep(1, 0);
            case ADDRESS -> MaskingRule.keep(6, 0);
        };
    }
}
