package city.tds.governance.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese postal addresses, 6–100 characters with at least four CJK characters, scored by their parts:
 *
 * <ul>
 *   <li>administrative names from {@code admin-divisions.txt} (provinces, prefecture-level cities, districts and
 *       counties), counted up to 2;
 *   <li>numbered parts: a digit or Chinese numeral directly before 号, 栋, 幢, 座, 室, 楼, 层, 弄, 组 or 单元, counted up
 *       to 2;
 *   <li>street or settlement markers: 路, 街, 巷, 道, 胡同, 村, 镇, 乡, 小区, 社区, counted up to 2 when the value
 *       also has a numbered part (镇 … 村 … 5组 is a rural address), otherwise up to 1.
 * </ul>
 *
 * A value is an address when these add up to at least 3 and it has an administrative name or a numbered part; when a
 * street marker is directly followed by a house number (人民路18号, 长乐路120弄); or when
 * it consists of two or more administrative names ending in 省, 市, 区, 县, 旗 or 州 (a coarse address such as
 * 浙江省杭州市西湖区).
 */
public final class AddressDetector implements Detector {

    private static final double CERTAINTY_STRONG = 0.75;
    private static final double CERTAINTY = 0.6;
    private static final String NUMBERED = "号栋幢座室楼层弄组";
    private static final String STREET = "路街巷道村镇乡";
    private static final String NUMERALS = "一二三四五六七八九十零〇百";
    private static final String REGION_ENDINGS = "省市区县旗州";

    private static final class Dictionary {
        static final List<String> NAME_LIST = load();
        static final WordSet NAMES = new WordSet(NAME_LIST);
        static final CharTable FIRST_CHARS = firstChars(NAME_LIST);

        private static List<String> load() {
            List<String> names = new ArrayList<>();
            for (String line : DetectResources.lines("admin-divisions.txt")) {
                String[] parts = line.split("\\s+");
                for (int i = 1; i < parts.length; i++) {
                    String[] forms = parts[i].split("/");
                    for (String form : forms) {
                        names.add(form);
                    }
                    if (parts[0].equals("C") && forms.length == 1) {
                        names.add(forms[0] + "市");
                    }
                }
            }
            return List.copyOf(names);
        }

        private static CharTable firstChars(List<String> names) {
            StringBuilder first = new StringBuilder();
            for (String name : names) {
                first.append(name.charAt(0));
            }
            return new CharTable(first);
        }
    }

    /** Every administrative name in the dictionary, full and short forms. */
    static List<String> administrativeNames() {
        return Dictionary.NAME_LIST;
    }

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.ADDRESS;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        int n = shape.length();
        return n >= 6 && n <= 100 && shape.cjk() >= 4 && shape.at() == 0 && shape.letters() <= 10;
    }

    @Override
    public double score(String value, ValueShape shape) {
        int start = shape.start();
        int end = shape.end();
        int numbered = 0;
        int street = 0;
        boolean previousNumber = false;
        boolean streetNumber = false;
        boolean previousStreet = false;
        for (int i = start; i < end; i++) {
            char c = value.charAt(i);
            if (!streetNumber && i > start && STREET.indexOf(c) >= 0) {
                streetNumber = houseNumberAt(value, i + 1, end);
            }
            boolean number = (c >= '0' && c <= '9') || NUMERALS.indexOf(c) >= 0;
            if (previousNumber
                    && (NUMBERED.indexOf(c) >= 0 || (c == '单' && i + 1 < end && value.charAt(i + 1) == '元'))) {
                numbered++;
            } else if (STREET.indexOf(c) >= 0
                    || (c == '胡' && i + 1 < end && value.charAt(i + 1) == '同')
                    || ((c == '小' || c == '社') && i + 1 < end && value.charAt(i + 1) == '区')) {
                if (!previousStreet) {
                    street++;
                }
                previousStreet = true;
                previousNumber = false;
                continue;
            }
            previousStreet = false;
            previousNumber = number;
        }
        int parts = Math.min(numbered, 2) + Math.min(street, numbered > 0 ? 2 : 1);
        if (parts >= 3) {
            return CERTAINTY_STRONG;
        }
        if (streetNumber) {
            return CERTAINTY;
        }
        int admin = 0;
        boolean onlyAdmin = true;
        int i = start;
        while (i < end) {
            int matched = longestName(value, i, end);
            if (matched > 0) {
                admin++;
                i += matched;
            } else {
                onlyAdmin = false;
                i++;
            }
        }
        int score = parts + Math.min(admin, 2);
        if (score >= 3 && (admin > 0 || numbered > 0)) {
            return score >= 4 ? CERTAINTY_STRONG : CERTAINTY;
        }
        if (onlyAdmin && admin >= 2 && REGION_ENDINGS.indexOf(value.charAt(end - 1)) >= 0) {
            return CERTAINTY;
        }
        return 0;
    }

    private static boolean houseNumberAt(String value, int from, int end) {
        int i = from;
        while (i < end && value.charAt(i) >= '0' && value.charAt(i) <= '9') {
            i++;
        }
        return i > from && i < end && (value.charAt(i) == '号' || value.charAt(i) == '弄');
    }

    private static int longestName(String value, int at, int end) {
        if (!Dictionary.FIRST_CHARS.contains(value.charAt(at))) {
            return 0;
        }
        int longest = Math.min(Dictionary.NAMES.maxLength(), end - at);
        for (int length = longest; length >= 2; length--) {
            if (Dictionary.NAMES.contains(value, at, at + length)) {
                return length;
            }
        }
        return 0;
    }
}
