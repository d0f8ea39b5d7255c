package city.tds.policy;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The constraint left operands TDS understands, each with the operators it takes and the type of its right operand.
 * ODRL's own operands live in {@code odrl:}; those read from the recipient's Verifiable Credential and the catalog's
 * zones are TDS extensions in {@code tds:}.
 */
public enum LeftOperand implements VocabularyTerm {
    /** Why the data is used: purpose codes such as {@code tds:purpose/credit-risk}, or free strings. */
    PURPOSE(
            PolicyNamespaces.ODRL,
            "purpose",
            "使用目的",
            ValueType.TEXT,
            Operator.EQ,
            Operator.NEQ,
            Operator.IS_ANY_OF,
            Operator.IS_NONE_OF),
    /** When the data is used. */
    DATE_TIME(
            PolicyNamespaces.ODRL,
            "dateTime",
            "使用时间",
            ValueType.DATE_TIME,
            Operator.LT,
            Operator.LTEQ,
            Operator.GT,
            Operator.GTEQ,
            Operator.EQ),
    /** How long since the first use (or since the agreement): a fixed-length duration. */
    ELAPSED_TIME(
            PolicyNamespaces.ODRL, "elapsedTime", "使用期限", ValueType.DURATION, Operator.LT, Operator.LTEQ, Operator.EQ),
    /** How many times the action has been exercised. */
    COUNT(
            PolicyNamespaces.ODRL,
            "count",
            "使用次数",
            ValueType.NON_NEGATIVE_INTEGER,
            Operator.LT,
            Operator.LTEQ,
            Operator.EQ),
    /** Who receives the data: participant identifiers. */
    RECIPIENT(
            PolicyNamespaces.ODRL,
            "recipient",
            "接收方",
            ValueType.TEXT,
            Operator.EQ,
            Operator.NEQ,
            Operator.IS_ANY_OF,
            Operator.IS_NONE_OF),
    /** The recipient's industry, from its Verifiable Credential, e.g. 金融业. */
    RECIPIENT_INDUSTRY(
            PolicyNamespaces.TDS,
            "recipientIndustry",
            "接收方行业",
            ValueType.TEXT,
            Operator.EQ,
            Operator.NEQ,
            Operator.IS_ANY_OF,
            Operator.IS_NONE_OF),
    /** The recipient's organisation type, from its Verifiable Credential. */
    RECIPIENT_ORGANIZATION_TYPE(
            PolicyNamespaces.TDS,
            "recipientOrganizationType",
            "接收方机构类型",
            ValueType.TEXT,
            Operator.EQ,
            Operator.NEQ,
            Operator.IS_ANY_OF,
            Operator.IS_NONE_OF),
    /** The recipient's role in the space, from its Verifiable Credential. */
    RECIPIENT_ROLE(
            PolicyNamespaces.TDS,
            "recipientRole",
            "接收方角色",
            ValueType.TEXT,
            Operator.EQ,
            Operator.NEQ,
            Operator.IS_ANY_OF,
            Operator.IS_NONE_OF),
    /** Where the data is used: GB/T 2260 region codes; {@code isPartOf} names a region containing the place. */
    SPATIAL(
            PolicyNamespaces.ODRL,
            "spatial",
            "使用地域",
            ValueType.REGION_CODE,
            Operator.EQ,
            Operator.IS_ANY_OF,
            Operator.IS_NONE_OF,
            Operator.IS_PART_OF),
    /** The catalog zone (专区) the use happens in. */
    ZONE(PolicyNamespaces.TDS, "zone", "专区", ValueType.TEXT, Operator.EQ, Operator.IS_ANY_OF, Operator.IS_NONE_OF),
    /** How the data is delivered: {@link DeliveryMode}s. */
    DELIVERY_CHANNEL(
            PolicyNamespaces.ODRL,
            "deliveryChannel",
            "交付方式",
            ValueType.DELIVERY_MODE,
            Operator.EQ,
            Operator.IS_ANY_OF,
            Operator.IS_NONE_OF),
    /** The amount to pay, with a currency unit; only inside a duty whose action is {@link Action#COMPENSATE}. */
    PAY_AMOUNT(PolicyNamespaces.ODRL, "payAmount", "支付金额", ValueType.DECIMAL, Operator.EQ, Operator.LTEQ);

    private final String namespace;
    private final String localName;
    private final String label;
    private final ValueType valueType;
    private final List<Operator> operators;

    LeftOperand(
            String namespace, String localName, String label, ValueType valueType, Operator first, Operator... more) {
        this.namespace = namespace;
        this.localName = localName;
        this.label = label;
        this.valueType = valueType;
        Operator[] all = new Operator[more.length + 1];
        all[0] = first;
        System.arraycopy(more, 0, all, 1, more.length);
        this.operators = List.of(all);
    }

    @Override
    public String iri() {
        return Terms.iri(namespace, localName);
    }

    @Override
    public String term() {
        return Terms.term(namespace, localName);
    }

    /** The Chinese name shown to users, e.g. 使用目的. */
    public String label() {
        return label;
    }

    /** The type of the right operand. */
    public ValueType valueType() {
        return valueType;
    }

    /** The operators this operand takes, in the order the documentation lists them. */
    public List<Operator> allowedOperators() {
        return operators;
    }

    public boolean allows(Operator operator) {
        return operators.contains(operator);
    }

    /** Whether a unit belongs with this operand (only {@link #PAY_AMOUNT}, whose unit is a currency). */
    public boolean takesUnit() {
        return this == PAY_AMOUNT;
    }

    /** Why {@code operator} is refused with this operand, e.g. {@code odrl:count takes lt, lteq, eq; got gt}. */
    String operatorRefusal(Operator operator) {
        return term() + " takes "
                + operators.stream().map(Operator::localName).collect(Collectors.joining(", ")) + "; got "
                + operator.localName();
    }

    /** The operand named by its term ({@code odrl:purpose}), IRI or bare name ({@code purpose}). */
    public static Optional<LeftOperand> fromTerm(String text) {
        return Terms.find(LeftOperand.class, text);
    }

    static String supportedTerms() {
        return Arrays.stream(values()).map(LeftOperand::term).collect(Collectors.joining(", "));
    }
}
