package city.tds.bench.governance;

import city.tds.governance.mask.CheckCharacters;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * A synthetic register of small firms and their legal representatives, ten columns, for the governance scan benchmark:
 * credit codes and ID numbers with valid check characters, allocated mobile segments, names from common surnames,
 * addresses in real districts, amounts and dates. The same seed gives the same file.
 */
final class FirmRegisterTable {

    static final String HEADER = "统一社会信用代码,企业名称,法定代表人,身份证号,手机号,邮箱,注册地址,行业,注册资本万元,成立日期";

    private static final String[] REGIONS = {
        "110105", "110108", "310104", "310115", "440305", "440106", "330106", "320102", "510107", "420106", "350102",
        "370202"
    };
    private static final String[] DISTRICTS = {
        "北京市朝阳区", "北京市海淀区", "上海市徐汇区", "上海市浦东新区", "深圳市南山区", "广州市天河区", "杭州市西湖区", "南京市玄武区", "成都市武侯区", "武汉市武昌区", "厦门市思明区",
        "青岛市市南区"
    };
    private static final String[] SURNAMES = {
        "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"
    };
    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰建国文斌宇浩然";
    private static final String[] ROADS = {"建国路", "中山路", "人民路", "解放大道", "科技园路", "长江路", "滨海大道", "学院路"};
    private static final String[] TRADES = {"软件和信息技术服务业", "批发业", "零售业", "餐饮业", "道路运输业", "专业技术服务业", "建筑装饰业", "农副食品加工业"};
    private static final String[] WORDS = {"华信", "恒通", "瑞丰", "嘉禾", "汇智", "宏远", "金桥", "天成", "博雅", "鼎盛"};
    private static final String[] FORMS = {"科技有限公司", "商贸有限公司", "餐饮管理有限公司", "物流有限公司", "咨询服务有限公司"};
    private static final String[] MOBILE_SEGMENTS = {
        "135", "138", "139", "150", "152", "158", "186", "187", "189", "177", "199"
    };
    private static final String[] MAIL_DOMAINS = {"qq.com", "163.com", "126.com", "sina.com", "example.cn"};

    private FirmRegisterTable() {}

    /** Writes {@code rows} data rows under the header to {@code file}. */
    static void write(Path file, long rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(HEADER);
            out.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (long i = 0; i < rows; i++) {
                line.setLength(0);
                int region = random.nextInt(REGIONS.length);
                line.append(creditCode(random, REGIONS[region])).append(',');
                line.append(DISTRICTS[region], 0, 2)
                        .append(WORDS[random.nextInt(WORDS.length)])
                        .append(FORMS[random.nextInt(FORMS.length)])
                        .append(',');
                line.append(SURNAMES[random.nextInt(SURNAMES.length)])
                        .append(GIVEN.charAt(random.nextInt(GIVEN.length())));
                if (random.nextBoolean()) {
                    line.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
                }
                line.append(',');
                line.append(idNumber(random, REGIONS[region])).append(',');
                line.append(MOBILE_SEGMENTS[random.nextInt(MOBILE_SEGMENTS.length)]);
                appendDigits(line, random, 8);
                line.append(',');
                if (random.nextInt(10) == 0) {
                    line.append(','); // a missing e-mail
                } else {
                    line.append('u');
                    appendDigits(line, random, 6);
                    line.append('@')
                            .append(MAIL_DOMAINS[random.nextInt(MAIL_DOMAINS.length)])
                            .append(',');
                }
                line.append(DISTRICTS[region])
                        .append(ROADS[random.nextInt(ROADS.length)])
                        .append(1 + random.nextInt(999))
                        .append('号')
                        .append(',');
                line.append(TRADES[random.nextInt(TRADES.length)]).append(',');
                line.append(10 + random.nextInt(5_000))
                        .append('.')
                        .append(random.nextInt(10))
                        .append(',');
                line.append(2000 + random.nextInt(26))
                        .append('-')
                        .append(two(1 + random.nextInt(12)))
                        .append('-')
                        .append(two(1 + random.nextInt(28)));
                line.append('\n');
                out.append(line);
            }
        }
    }

    /** A code with both check characters valid: GB 11714 for the organisation code, GB 32100 for the whole. */
    private static String creditCode(SplittableRandom random, String region) {
        StringBuilder code = new StringBuilder(18).append("91").append(region);
        for (int i = 0; i < 8; i++) {
            code.append(CheckCharacters.CREDIT_CODE_ALPHABET.charAt(
                    random.nextInt(CheckCharacters.CREDIT_CODE_ALPHABET.length())));
        }
        code.append(CheckCharacters.organisationCodeCheck(code, 8));
        return code.append(CheckCharacters.creditCodeCheck(code)).toString();
    }

    private static String idNumber(SplittableRandom random, String region) {
        StringBuilder id = new StringBuilder(18).append(region);
        id.append(1955 + random.nextInt(45)).append(two(1 + random.nextInt(12))).append(two(1 + random.nextInt(28)));
        appendDigits(id, random, 3);
        return id.append(CheckCharacters.idNumberCheck(id)).toString();
    }

    private static void appendDigits(StringBuilder to, SplittableRandom random, int n) {
        for (int i = 0; i < n; i++) {
            to.append((char) ('0' + random.nextInt(10)));
        }
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
