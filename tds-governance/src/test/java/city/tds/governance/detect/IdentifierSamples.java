package city.tds.governance.detect;

import java.util.Random;

/**
 * Synthetic resident IDs, credit codes and bank card numbers for the labelled corpus, valid and near misses. The
 * check algorithms are implemented here again, independently of the detectors, so the corpus also cross-checks them.
 */
final class IdentifierSamples {

    /** Real county-level codes (and two prefecture cities without counties) to build valid numbers from. */
    private static final String[] COUNTIES = {
        "110101", "110105", "110108", "120101", "120116", "130102", "130602", "140105", "150102", "210102", "210203",
        "220102", "230103", "310101", "310104", "310115", "320102", "320508", "330106", "330212", "330381", "340104",
        "350102", "350203", "360102", "370102", "370212", "410105", "411627", "420106", "430104", "440106", "440305",
        "441900", "442000", "450103", "460106", "500103", "500112", "510104", "510107", "520102", "530102", "540102",
        "610113", "620102", "630102", "640104", "650102", "469005", "371721", "350583", "330782", "421281", "522601"
    };

    private static final String[] BAD_REGIONS = {
        "000000", "100101", "160101", "190101", "240101", "270101", "380101", "400101", "470101", "490101", "550101",
        "600101", "660101", "700101", "720101", "800101", "840101", "900101", "990101", "110001", "330080", "440088",
        "319901", "610099", "810102", "820301"
    };
    private static final String[] BAD_PROVINCES = {
        "00", "16", "19", "24", "27", "38", "40", "47", "49", "55", "60", "66", "70", "72", "80", "84", "90", "99"
    };
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final String[] CREDIT_PREFIXES = {
        "91", "91", "91", "91", "91", "91", "92", "92", "93", "11", "12", "12", "13", "19", "31", "32", "51", "52",
        "52", "53", "59", "71", "81", "A1", "N2", "Y1", "21", "41", "61"
    };
    private static final String[] BAD_CREDIT_PREFIXES = {"94", "99", "B1", "Y2", "Y9", "04", "15", "28", "96", "A2"};
    private static final String[] CARD_PREFIXES = {
        "622202", "622848", "621700", "622588", "621483", "622609", "623058", "625966", "620058", "622700", "621226",
        "4367420", "4563510", "4392250", "5187180", "5200830", "5524910", "2221000", "2720990", "3568890", "8171999"
    };
    private static final String[] BAD_CARD_PREFIXES = {"1", "7", "9", "30", "31", "33", "39", "56", "57", "58", "84"};

    private final Random random;

    IdentifierSamples(Random random) {
        this.random = random;
    }

    String residentId() {
        if (random.nextInt(20) == 0) {
            return oldResidentId();
        }
        String body = pick(COUNTIES) + birthDate(1930, 2024) + digits(3);
        String id = body + idCheck(body);
        return switch (random.nextInt(20)) {
            case 0 -> id.substring(0, 6) + " " + id.substring(6, 14) + " " + id.substring(14);
            case 1 -> id.toLowerCase(java.util.Locale.ROOT);
            default -> id;
        };
    }

    private String oldResidentId() {
        return pick(COUNTIES) + birthDate(1930, 1999).substring(2) + digits(3);
    }

    String residentIdNearMiss() {
        String county = pick(COUNTIES);
        return switch (random.nextInt(6)) {
            case 0 -> {
                String body = county + birthDate(1930, 2024) + digits(3);
                char check = idCheck(body);
                char wrong;
                do {
                    wrong = "0123456789X".charAt(random.nextInt(11));
                } while (wrong == check);
                yield body + wrong;
            }
            case 1 ->
                withIdCheck(county + pick(new String[] {"19990230", "20010229", "19881301", "19750431"}) + digits(3));
            case 2 ->
                withIdCheck(county + pick(new String[] {"19900000", "19851232", "18991231", "20310101"}) + digits(3));
            case 3 -> withIdCheck(pick(BAD_REGIONS) + birthDate(1930, 2024) + digits(3));
            case 4 -> pick(COUNTIES) + pick(new String[] {"990230", "881301", "750431", "000000"}) + digits(3);
            default -> randomDigitsNotValid(18);
        };
    }

    String creditCode() {
        String region = random.nextBoolean() ? pick(COUNTIES) : pick(COUNTIES).substring(0, 4) + "00";
        String body = pick(CREDIT_PREFIXES) + region + organisationCode();
        return body + creditCheck(body);
    }

    String creditCodeNearMiss() {
        String region = pick(COUNTIES);
        return switch (random.nextInt(5)) {
            case 0 -> {
                String body = pick(CREDIT_PREFIXES) + region + organisationCode();
                char check = creditCheck(body);
                char wrong;
                do {
                    wrong = CREDIT_ALPHABET.charAt(random.nextInt(31));
                } while (wrong == check);
                yield body + wrong;
            }
            case 1 -> {
                String org = organisationCode();
                char wrongOrg = org.charAt(8) == '0' ? '1' : '0';
                String body = pick(CREDIT_PREFIXES) + region + org.substring(0, 8) + wrongOrg;
                yield body + creditCheck(body);
            }
            case 2 -> {
                String body = pick(BAD_CREDIT_PREFIXES) + region + organisationCode();
                yield body + creditCheck(body);
            }
            case 3 -> {
                String code = creditCode();
                int at = 8 + random.nextInt(10);
                yield code.substring(0, at) + pick(new String[] {"I", "O", "Z", "S", "V"}) + code.substring(at + 1);
            }
            default -> {
                String body = "91" + pick(BAD_PROVINCES) + "0100" + organisationCode();
                yield body + creditCheck(body);
            }
        };
    }

    String bankCard() {
        String prefix = pick(CARD_PREFIXES);
        int length = prefix.startsWith("62") && random.nextInt(3) == 0 ? 19 : 16;
        String body = prefix + digits(length - 1 - prefix.length());
        String card = body + luhnDigit(body);
        return switch (random.nextInt(6)) {
            case 0 -> grouped(card, ' ');
            case 1 -> grouped(card, '-');
            default -> card;
        };
    }

    String bankCardNearMiss() {
        return switch (random.nextInt(3)) {
            case 0 -> {
                String card = bankCard().replace(" ", "").replace("-", "");
                char last = card.charAt(card.length() - 1);
                yield card.substring(0, card.length() - 1) + (char) ('0' + (last - '0' + 1 + random.nextInt(9)) % 10);
            }
            case 1 -> {
                String body;
                do {
                    body = pick(BAD_CARD_PREFIXES) + digits(15);
                } while (isValidResidentId(body + luhnDigit(body)));
                yield body + luhnDigit(body);
            }
            default -> {
                String prefix = pick(CARD_PREFIXES);
                String body = prefix + digits((random.nextBoolean() ? 13 : 19) - prefix.length());
                yield body + luhnDigit(body);
            }
        };
    }

    private String organisationCode() {
        StringBuilder code = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            code.append(
                    i == 0 && random.nextInt(4) == 0
                            ? "MNPQ".charAt(random.nextInt(4))
                            : i < 7 || random.nextInt(5) > 0 ? (char) ('0' + random.nextInt(10)) : 'X');
        }
        int[] weights = {3, 7, 9, 10, 5, 8, 4, 2};
        int sum = 0;
        for (int i = 0; i < 8; i++) {
            char c = code.charAt(i);
            sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * weights[i];
        }
        int check = 11 - sum % 11;
        return code.append(check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check))
                .toString();
    }

    /** Whether {@code value} (separators ignored) looks like a valid card: 16–19 digits, Luhn, a card prefix. */
    static boolean isCardLike(String value) {
        String d = value.replace(" ", "").replace("-", "");
        if (d.length() < 16 || d.length() > 19 || !d.chars().allMatch(Character::isDigit)) {
            return false;
        }
        if (luhnDigit(d.substring(0, d.length() - 1)) != d.charAt(d.length() - 1)) {
            return false;
        }
        int two = Integer.parseInt(d.substring(0, 2));
        int four = Integer.parseInt(d.substring(0, 4));
        return two == 62
                || two == 81
                || two == 60
                || d.charAt(0) == '4'
                || (two >= 51 && two <= 55)
                || (four >= 2221 && four <= 2720 && d.length() == 16)
                || (four >= 3528 && four <= 3589);
    }

    static char creditCheck(String body) {
        int sum = 0;
        int weight = 1;
        for (int i = 0; i < 17; i++) {
            int value = CREDIT_ALPHABET.indexOf(body.charAt(i));
            sum += (value < 0 ? 0 : value) * weight;
            weight = weight * 3 % 31;
        }
        return CREDIT_ALPHABET.charAt((31 - sum % 31) % 31);
    }

    static char idCheck(String body) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (body.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return "10X98765432".charAt(sum % 11);
    }

    static char luhnDigit(String body) {
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            }
            sum += d;
        }
        return (char) ('0' + (10 - sum % 10) % 10);
    }

    private String withIdCheck(String body) {
        return body + idCheck(body);
    }

    /** Random digits of {@code length} that are neither a valid ID (any region) nor Luhn valid with a card prefix. */
    private String randomDigitsNotValid(int length) {
        String value;
        do {
            value = (char) ('1' + random.nextInt(9)) + digits(length - 1);
        } while (isValidResidentId(value) || luhnDigit(value.substring(0, length - 1)) == value.charAt(length - 1));
        return value;
    }

    private static boolean isValidResidentId(String value) {
        if (value.length() != 18 || idCheck(value) != value.charAt(17)) {
            return false;
        }
        int year = Integer.parseInt(value.substring(6, 10));
        return year >= 1900 && year <= 2026;
    }

    private String birthDate(int fromYear, int toYear) {
        java.time.LocalDate date =
                java.time.LocalDate.of(fromYear, 1, 1).plusDays(random.nextInt((toYear - fromYear + 1) * 365));
        return String.format("%04d%02d%02d", date.getYear(), date.getMonthValue(), date.getDayOfMonth());
    }

    private String grouped(String digits, char separator) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && i % 4 == 0) {
                out.append(separator);
            }
            out.append(digits.charAt(i));
        }
        return out.toString();
    }

    String digits(int count) {
        StringBuilder out = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }
}
