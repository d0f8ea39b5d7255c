package city.tds.policy;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The ODRL 2.2 actions TDS understands. Permissions and prohibitions may name any of them; a duty must name a
 * {@linkplain #isDutyAction() duty action}.
 */
public enum Action implements VocabularyTerm {
    USE("use", "使用", false),
    READ("read", "读取", false),
    DISPLAY("display", "展示", false),
    DISTRIBUTE("distribute", "分发", false),
    REPRODUCE("reproduce", "复制", false),
    MODIFY("modify", "修改", false),
    DERIVE("derive", "衍生加工", false),
    AGGREGATE("aggregate", "聚合", false),
    ANONYMIZE("anonymize", "匿名化", true),
    /** ODRL's transfer of ownership, not a data transfer (that is {@link DeliveryMode#FILE_TRANSFER}). */
    TRANSFER("transfer", "转让", false),
    DELETE("delete", "删除", true),
    INFORM("inform", "告知", true),
    ATTRIBUTE("attribute", "注明来源", true),
    COMPENSATE("compensate", "付费", true);

    private final String localName;
    private final String label;
    private final boolean dutyAction;

    Action(String localName, String label, boolean dutyAction) {
        this.localName = localName;
        this.label = label;
        this.dutyAction = dutyAction;
    }

    @Override
    public String iri() {
        return Terms.iri(PolicyNamespaces.ODRL, localName);
    }

    @Override
    public String term() {
        return Terms.term(PolicyNamespaces.ODRL, localName);
    }

    /** The Chinese name shown to users, e.g. 使用. */
    public String label() {
        return label;
    }

    /** Whether a duty may require this action (delete, inform, anonymize, attribute, compensate). */
    public boolean isDutyAction() {
        return dutyAction;
    }

    /**
     * Whether a rule about this action also governs {@code other}: every action includes itself, and {@code use}, ODRL's
     * most generic action, includes every other action except {@code transfer} (of ownership).
     */
    public boolean includes(Action other) {
        return this == other || (this == USE && other != TRANSFER);
    }

    /** The action named by its term ({@code odrl:use}), IRI or bare name ({@code use}). */
    public static Optional<Action> fromTerm(String text) {
        return Terms.find(Action.class, text);
    }

    static String dutyActionNames() {
        return Arrays.stream(values())
                .filter(Action::isDutyAction)
                .map(Action::localName)
                .collect(Collectors.joining(", "));
    }
}
