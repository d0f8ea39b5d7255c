package city.tds.governance.detect;

import java.util.Locale;
import java.util.Random;

/** Synthetic mobile and fixed-line numbers, e-mail addresses and IP addresses for the labelled corpus. */
final class ContactSamples {

    private static final int[] SEGMENTS = {
        130, 131, 132, 133, 134, 135, 136, 137, 138, 139, 145, 147, 149, 150, 151, 152, 153, 155, 156, 157, 158, 159,
        162, 165, 166, 167, 170, 171, 173, 175, 176, 177, 178, 180, 181, 182, 183, 184, 185, 186, 187, 188, 189, 190,
        191, 193, 195, 196, 197, 198, 199
    };
    private static final int[] UNALLOCATED = {
        100, 101, 104, 106, 110, 112, 118, 120, 123, 125, 128, 140, 141, 144, 154, 160, 161, 163, 164, 168, 169, 172,
        194
    };
    private static final String[] AREA_CODES = {
        "010", "020", "021", "022", "023", "024", "025", "027", "028", "029", "0311", "0312", "0351", "0371", "0411",
        "0431", "0451", "0471", "0512", "0510", "0513", "0531", "0532", "0551", "0571", "0574", "0577", "0579", "0591",
        "0592", "0595", "0731", "0755", "0756", "0757", "0760", "0769", "0771", "0791", "0816", "0851", "0871", "0898",
        "0931", "0951", "0971", "0991", "0898", "0335", "0417", "0635", "0710", "0728", "0746", "0768", "0839", "0917"
    };
    private static final String[] UNREAL_AREA_CODES = {
        "026", "0340", "0360", "0380", "0400", "0420", "0440", "0480", "0490", "0520", "0540", "0560", "0600", "0610",
        "0640", "0650", "0670", "0680", "0720", "0740", "0780", "0800", "0810", "0820", "0840", "0860", "0880", "0890",
        "0920", "0940", "0960", "0980", "0000", "0999999"
    };
    private static final String[] PINYIN = {
        "zhang", "wang", "li", "liu", "chen", "yang", "zhao", "huang", "zhou", "wu", "xu", "sun", "ma", "zhu", "hu",
        "guo", "lin", "he", "gao", "luo", "wei", "fang", "na", "min", "jing", "jun", "yong", "jie", "tao", "ming",
        "chao", "xia", "ping", "gang", "hua", "lan", "hong", "jian", "hui", "peng", "fei"
    };
    private static final String[] DOMAINS = {
        "qq.com",
        "163.com",
        "126.com",
        "sina.com",
        "sohu.com",
        "gmail.com",
        "outlook.com",
        "foxmail.com",
        "aliyun.com",
        "139.com",
        "yeah.net",
        "hz.gov.cn",
        "mail.zju.edu.cn",
        "tds-city.cn",
        "example.com.cn",
        "data.city.gov.cn",
        "hotmail.com",
        "corp.example.org"
    };

    private final Random random;
    private final IdentifierSamples numbers;

    ContactSamples(Random random, IdentifierSamples numbers) {
        this.random = random;
        this.numbers = numbers;
    }

    String mobile() {
        String number = SEGMENTS[random.nextInt(SEGMENTS.length)] + numbers.digits(8);
        return formatMobile(number);
    }

    private String formatMobile(String n) {
        return switch (random.nextInt(12)) {
            case 0 -> "+86 " + n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
            case 1 -> "+86" + n;
            case 2 -> "86-" + n;
            case 3 -> "0086 " + n;
            case 4 -> n.substring(0, 3) + "-" + n.substring(3, 7) + "-" + n.substring(7);
            case 5 -> n.substring(0, 3) + " " + n.substring(3, 7) + " " + n.substring(7);
            default -> n;
        };
    }

    String mobileNearMiss() {
        return switch (random.nextInt(4)) {
            case 0, 1 -> formatMobile(UNALLOCATED[random.nextInt(UNALLOCATED.length)] + numbers.digits(8));
            case 2 -> SEGMENTS[random.nextInt(SEGMENTS.length)] + numbers.digits(random.nextBoolean() ? 7 : 9);
            default -> "+1 " + SEGMENTS[random.nextInt(SEGMENTS.length)] + numbers.digits(8);
        };
    }

    String landline() {
        String area = AREA_CODES[random.nextInt(AREA_CODES.length)];
        int length = area.length() == 3 || random.nextInt(4) > 0 ? 8 : 7;
        String subscriber = (char) ('2' + random.nextInt(8)) + numbers.digits(length - 1);
        return formatLandline(area, subscriber);
    }

    private String formatLandline(String area, String subscriber) {
        String split =
                subscriber.substring(0, subscriber.length() - 4) + " " + subscriber.substring(subscriber.length() - 4);
        return switch (random.nextInt(12)) {
            case 0 -> "(" + area + ")" + subscriber;
            case 1 -> "(" + area + ") " + split;
            case 2 -> area + " " + split;
            case 3 -> area + subscriber;
            case 4 -> "+86 " + area.substring(1) + " " + subscriber;
            case 5 -> area + "-" + subscriber + "-" + numbers.digits(1 + random.nextInt(4));
            case 6 -> area + "-" + subscriber + "转" + numbers.digits(1 + random.nextInt(4));
            case 7 -> area + "-" + subscriber + " ext " + numbers.digits(3);
            default -> area + "-" + subscriber;
        };
    }

    String landlineNearMiss() {
        return switch (random.nextInt(3)) {
            case 0 ->
                formatLandline(UNREAL_AREA_CODES[random.nextInt(UNREAL_AREA_CODES.length)], '2' + numbers.digits(7));
            case 1 ->
                formatLandline(
                        AREA_CODES[random.nextInt(AREA_CODES.length)],
                        (random.nextBoolean() ? "0" : "1") + numbers.digits(7));
            default ->
                AREA_CODES[random.nextInt(AREA_CODES.length)] + "-" + (char) ('2' + random.nextInt(8))
                        + numbers.digits(random.nextBoolean() ? 4 : 8);
        };
    }

    String email() {
        String local =
                switch (random.nextInt(6)) {
                    case 0 -> pinyin() + "." + pinyin();
                    case 1 -> pinyin() + pinyin() + numbers.digits(2 + random.nextInt(3));
                    case 2 -> (char) ('1' + random.nextInt(9)) + numbers.digits(5 + random.nextInt(5));
                    case 3 -> pinyin() + "_" + pinyin();
                    case 4 -> pinyin() + "-" + pinyin() + "+tag";
                    default -> pinyin() + pinyin();
                };
        String domain = DOMAINS[random.nextInt(DOMAINS.length)];
        String email = local + "@" + domain;
        return random.nextInt(10) == 0 ? email.toUpperCase(Locale.ROOT) : email;
    }

    String emailNearMiss() {
        String local = pinyin() + pinyin();
        String domain = DOMAINS[random.nextInt(DOMAINS.length)];
        return switch (random.nextInt(11)) {
            case 0 -> pinyin() + ".." + pinyin() + "@" + domain;
            case 1 -> "." + local + "@" + domain;
            case 2 -> local + ".@" + domain;
            case 3 -> local + "@" + domain.replaceFirst("\\.", "..");
            case 4 -> local + "@" + domain.substring(0, domain.indexOf('.'));
            case 5 -> local + "@" + domain.substring(0, domain.lastIndexOf('.') + 1) + "c";
            case 6 -> local + "@-" + domain;
            case 7 -> local + "@" + domain + numbers.digits(1);
            case 8 -> pinyin() + " " + pinyin() + "@" + domain;
            case 9 -> local + "@@" + domain;
            default -> local + "@" + domain.replaceFirst("\\.", "_") + ".cn";
        };
    }

    String ipAddress() {
        return switch (random.nextInt(10)) {
            case 0, 1 -> "192.168." + random.nextInt(256) + "." + random.nextInt(256);
            case 2 -> "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(256);
            case 3 -> "172." + (16 + random.nextInt(16)) + "." + random.nextInt(256) + "." + random.nextInt(256);
            case 4 -> ipv6Full();
            case 5 -> "2001:db8:" + hexGroup() + "::" + hexGroup();
            case 6 -> "fe80::" + hexGroup() + ":" + hexGroup() + ":" + hexGroup() + ":" + hexGroup();
            case 7 ->
                "::ffff:" + (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                        + random.nextInt(256);
            default ->
                (1 + random.nextInt(223)) + "." + random.nextInt(256) + "." + random.nextInt(256) + "."
                        + random.nextInt(256);
        };
    }

    String ipAddressNearMiss() {
        int a = 1 + random.nextInt(223);
        int b = random.nextInt(256);
        return switch (random.nextInt(11)) {
            case 0 -> (256 + random.nextInt(700)) + "." + b + ".1.1";
            case 1 -> a + "." + b + "." + random.nextInt(256);
            case 2 -> a + "." + b + ".1.1." + random.nextInt(256);
            case 3 -> "0" + a + "." + b + ".1.1";
            case 4 -> "192.168.1." + (256 + random.nextInt(744));
            case 5 -> a + ".." + b + ".1";
            case 6 -> "2001:db8::" + hexGroup() + "::" + hexGroup();
            case 7 -> ipv6Full() + ":" + hexGroup();
            case 8 -> "2001:db8::" + hexGroup() + "g";
            case 9 -> String.format("%02d:%02d:%02d", random.nextInt(24), random.nextInt(60), random.nextInt(60));
            default ->
                String.format(
                        "%02X:%02X:%02X:%02X:%02X:%02X",
                        random.nextInt(256),
                        random.nextInt(256),
                        random.nextInt(256),
                        random.nextInt(256),
                        random.nextInt(256),
                        random.nextInt(256));
        };
    }

    private String ipv6Full() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            out.append(i == 0 ? "" : ":").append(hexGroup());
        }
        return random.nextBoolean() ? out.toString() : out.toString().toUpperCase(Locale.ROOT);
    }

    private String hexGroup() {
        return Integer.toHexString(random.nextInt(0x10000));
    }

    private String pinyin() {
        return PINYIN[random.nextInt(PINYIN.length)];
    }
}
