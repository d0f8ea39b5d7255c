package city.tds.governance.detect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The sensitive kinds that a column's name suggests, for Chinese names (身份证号, 手机号, 联系电话, 地址 …), English
 * names in any case style ({@code id_card}, {@code mobilePhone}, {@code EMAIL_ADDRESS}) and common pinyin
 * abbreviations ({@code sfzh}, {@code sjh}, {@code xm}, {@code dz}).
 *
 * <p>English names are split into words at separators and case changes; from left to right the longest run of up to
 * three adjacent words that is a known key wins (so {@code idCardNo} is an ID number, not a card number). The bare word {@code name} counts only as the whole column name (so {@code company_name} is not a
 * personal name), and {@code address} after {@code email}, {@code mail}, {@code ip}, {@code mac} or {@code url} is not a
 * postal address.
 */
public final class ColumnNameHints {

    private static final SensitiveKind ID = SensitiveKind.RESIDENT_ID;
    private static final SensitiveKind MOBILE = SensitiveKind.MOBILE;
    private static final SensitiveKind LANDLINE = SensitiveKind.LANDLINE;
    private static final SensitiveKind CREDIT = SensitiveKind.CREDIT_CODE;
    private static final SensitiveKind CARD = SensitiveKind.BANK_CARD;
    private static final SensitiveKind EMAIL = SensitiveKind.EMAIL;
    private static final SensitiveKind IP = SensitiveKind.IP_ADDRESS;
    private static final SensitiveKind PLATE = SensitiveKind.LICENCE_PLATE;
    private static final SensitiveKind NAME = SensitiveKind.PERSON_NAME;
    private static final SensitiveKind ADDRESS = SensitiveKind.ADDRESS;

    private static final Map<String, Set<SensitiveKind>> CHINESE = Map.ofEntries(
            Map.entry("身份证", EnumSet.of(ID)),
            Map.entry("证件号", EnumSet.of(ID)),
            Map.entry("身份号码", EnumSet.of(ID)),
            Map.entry("手机", EnumSet.of(MOBILE)),
            Map.entry("移动电话", EnumSet.of(MOBILE)),
            Map.entry("电话", EnumSet.of(MOBILE, LANDLINE)),
            Map.entry("联系方式", EnumSet.of(MOBILE, LANDLINE)),
            Map.entry("座机", EnumSet.of(LANDLINE)),
            Map.entry("固话", EnumSet.of(LANDLINE)),
            Map.entry("传真", EnumSet.of(LANDLINE)),
            Map.entry("信用代码", EnumSet.of(CREDIT)),
            Map.entry("社会信用", EnumSet.of(CREDIT)),
            Map.entry("银行卡", EnumSet.of(CARD)),
            Map.entry("卡号", EnumSet.of(CARD)),
            Map.entry("银行账号", EnumSet.of(CARD)),
            Map.entry("邮箱", EnumSet.of(EMAIL)),
            Map.entry("电子邮件", EnumSet.of(EMAIL)),
            Map.entry("邮件地址", EnumSet.of(EMAIL)),
            Map.entry("IP地址", EnumSet.of(IP)),
            Map.entry("车牌", EnumSet.of(PLATE)),
            Map.entry("号牌", EnumSet.of(PLATE)),
            Map.entry("姓名", EnumSet.of(NAME)),
            Map.entry("名字", EnumSet.of(NAME)),
            Map.entry("联系人", EnumSet.of(NAME)),
            Map.entry("收件人", EnumSet.of(NAME)),
            Map.entry("收货人", EnumSet.of(NAME)),
            Map.entry("负责人", EnumSet.of(NAME)),
            Map.entry("地址", EnumSet.of(ADDRESS)),
            Map.entry("住址", EnumSet.of(ADDRESS)),
            Map.entry("住所", EnumSet.of(ADDRESS)),
            Map.entry("户籍", EnumSet.of(ADDRESS)),
            Map.entry("居住地", EnumSet.of(ADDRESS)));

    private static final List<String> NOT_POSTAL = List.of("邮件地址", "邮箱地址", "IP地址", "网络地址", "MAC地址", "网址");

    private static final Map<String, Set<SensitiveKind>> ENGLISH = english();

    private static final Set<String> NOT_POSTAL_BEFORE_ADDRESS = Set.of("email", "mail", "ip", "mac", "url", "web");

    private ColumnNameHints() {}

    /** The kinds {@code columnName} suggests; empty for null or unknown names. */
    public static Set<SensitiveKind> suggest(String columnName) {
        if (columnName == null || columnName.isBlank()) {
            return Set.of();
        }
        EnumSet<SensitiveKind> kinds = EnumSet.noneOf(SensitiveKind.class);
        String upper = columnName.toUpperCase(Locale.ROOT);
        boolean notPostal = false;
        for (String phrase : NOT_POSTAL) {
            notPostal |= upper.contains(phrase);
        }
        for (Map.Entry<String, Set<SensitiveKind>> entry : CHINESE.entrySet()) {
            if (upper.contains(entry.getKey())) {
                kinds.addAll(entry.getValue());
            }
        }
        if (notPostal) {
            kinds.remove(ADDRESS);
        }
        List<String> words = words(columnName);
        int i = 0;
        while (i < words.size()) {
            int next = i + 1;
            for (int j = Math.min(words.size(), i + 3); j > i; j--) {
                Set<SensitiveKind> found = lookUp(words, i, j);
                if (found != null) {
                    kinds.addAll(found);
                    next = j;
                    break;
                }
            }
            i = next;
        }
        return Collections.unmodifiableSet(kinds);
    }

    /** The kinds for the words {@code [from, to)} joined, or null. */
    private static Set<SensitiveKind> lookUp(List<String> words, int from, int to) {
        String key = String.join("", words.subList(from, to));
        if (to - from == 1) {
            if (key.equals("name") && words.size() > 1) {
                return null;
            }
            if ((key.equals("address") || key.equals("addr"))
                    && from > 0
                    && NOT_POSTAL_BEFORE_ADDRESS.contains(words.get(from - 1))) {
                return null;
            }
        }
        return ENGLISH.get(key);
    }

    /** Lower-case ASCII words of {@code name}, split at non-alphanumerics and at case changes. */
    static List<String> words(String name) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            boolean lower = c >= 'a' && c <= 'z';
            boolean digit = c >= '0' && c <= '9';
            if (!upper && !lower && !digit) {
                flush(word, words);
                continue;
            }
            if (upper && word.length() > 0) {
                char previous = name.charAt(i - 1);
                boolean previousLower = (previous >= 'a' && previous <= 'z') || (previous >= '0' && previous <= '9');
                boolean nextLower = i + 1 < name.length() && name.charAt(i + 1) >= 'a' && name.charAt(i + 1) <= 'z';
                boolean previousUpper = previous >= 'A' && previous <= 'Z';
                if (previousLower || (previousUpper && nextLower)) {
                    flush(word, words);
                }
            }
            word.append(Character.toLowerCase(c));
        }
        flush(word, words);
        return words;
    }

    private static void flush(StringBuilder word, List<String> words) {
        if (word.length() > 0) {
            words.add(word.toString());
            word.setLength(0);
        }
    }

    private static Map<String, Set<SensitiveKind>> english() {
        Map<String, Set<SensitiveKind>> map = new java.util.HashMap<>();
        put(map, EnumSet.of(ID), "idcard", "idno", "idnumber", "idcardno", "idcardnumber", "sfz", "sfzh", "sfzhm");
        put(map, EnumSet.of(ID), "zjhm", "certno", "certificateno", "identitycard", "residentid", "nationalid");
        put(map, EnumSet.of(ID), "citizenid", "identityno", "identitynumber");
        put(map, EnumSet.of(MOBILE), "mobile", "mobileno", "mobilephone", "cellphone", "cell", "sjh", "sjhm");
        put(map, EnumSet.of(MOBILE, LANDLINE), "phone", "phoneno", "tel", "telephone", "telno", "contactphone");
        put(map, EnumSet.of(LANDLINE), "landline", "fax", "officephone", "fixedphone", "gddh", "zjdh");
        put(map, EnumSet.of(CREDIT), "uscc", "creditcode", "socialcreditcode", "tyshxydm", "shxydm", "xydm");
        put(map, EnumSet.of(CARD), "bankcard", "cardno", "cardnumber", "bankcardno", "bankaccount", "yhkh", "pan");
        put(map, EnumSet.of(EMAIL), "email", "mail", "emailaddress", "mailaddress", "yxdz");
        put(map, EnumSet.of(IP), "ip", "ipaddr", "ipaddress", "ipv4", "ipv6", "clientip", "remoteip", "sourceip");
        put(map, EnumSet.of(PLATE), "plate", "plateno", "platenumber", "licenseplate", "licenceplate", "cph");
        put(map, EnumSet.of(PLATE), "carno", "vehicleno", "hphm");
        put(map, EnumSet.of(NAME), "name", "fullname", "realname", "personname", "customername", "contactname");
        put(map, EnumSet.of(NAME), "patientname", "studentname", "employeename", "holdername", "ownername", "xm");
        put(map, EnumSet.of(ADDRESS), "address", "addr", "homeaddress", "dz", "zz", "jtzz");
        return Map.copyOf(map);
    }

    private static void put(Map<String, Set<SensitiveKind>> map, Set<SensitiveKind> kinds, String... keys) {
        for (String key : keys) {
            map.put(key, kinds);
        }
    }
}
