package city.tds.governance.detect;

/** A kind of personal or otherwise sensitive value that a {@link Detector} recognises. */
public enum SensitiveKind {
    /** 居民身份证号, GB 11643 (18 characters; the old 15-digit form with a validated date). */
    RESIDENT_ID,
    /** Mainland mobile number in an allocated segment, optionally with +86. */
    MOBILE,
    /** Fixed-line number with a real area code. */
    LANDLINE,
    /** 统一社会信用代码, GB 32100. */
    CREDIT_CODE,
    /** Bank card number: Luhn valid with a known issuer prefix. */
    BANK_CARD,
    /** E-mail address. */
    EMAIL,
    /** IPv4 or IPv6 address. */
    IP_ADDRESS,
    /** 机动车号牌. */
    LICENCE_PLATE,
    /** Chinese personal name. */
    PERSON_NAME,
    /** Chinese postal address. */
    ADDRESS
}
