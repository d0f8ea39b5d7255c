package city.tds.bench.catalog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The building blocks of the generated catalog: data subjects (from {@code catalog-subjects.txt}), product forms,
 * provider kinds, the pilot cities of the seed report with some of their districts, and coverage variants. A product
 * template is one subject in one of its forms.
 */
final class CatalogVocabulary {

    /** A kind of data provider; {@code pattern} holds {c} for the city's full name or {s} for its short name. */
    record ProviderKind(String code, String pattern, String label, boolean government) {
        String nameIn(City city) {
            return pattern.replace("{c}", city.fullName()).replace("{s}", city.shortName());
        }
    }

    record City(String code, String fullName, String shortName) {}

    /** A city as a whole ({@code district} null) or one of its districts. */
    record Region(City city, String district) {
        String prefix() {
            return district == null ? city.fullName() : district;
        }

        String fullName() {
            return district == null ? city.fullName() + "全市" : city.fullName() + district;
        }
    }

    /** How a product delivers its subject: 数据集, 查询接口, 核验接口, 模型, 分析报告. */
    enum Form {
        D("数据集", "以数据集形式提供，可在数据沙箱内与使用方数据融合加工。"),
        A("查询接口", "以接口方式提供，按编号或条件实时查询。"),
        V("核验接口", "以核验接口提供，只返回一致与否或区间结果，不输出明细。"),
        M("模型", "以模型服务形式提供，在可信环境内运行并输出评分结果。"),
        R("分析报告", "以定期分析报告形式提供汇总统计结果，不含个体明细。");

        final String suffix;
        final String sentence;

        Form(String suffix, String sentence) {
            this.suffix = suffix;
            this.sentence = sentence;
        }

        /** The suffix after {@code name}, without repeating what the name ends with (…模型, …数据集, …数据). */
        String suffixFor(String name) {
            if (this == M && name.endsWith("模型") || this == D && name.endsWith("数据集")) {
                return "";
            }
            return this == D && name.endsWith("数据") ? "集" : suffix;
        }
    }

    /** One data subject; for a {org} subject there is one per provider kind, with the kind's label filled in. */
    record Subject(
            String id,
            String industry,
            String scenario,
            String name,
            List<String> keywords,
            List<String> fields,
            String description,
            List<ProviderKind> providers,
            List<Form> forms,
            int grade) {}

    /** A subject in one form: what a generated product is about, before region, provider and coverage. */
    record Template(Subject subject, Form form) {
        String name() {
            return subject.name() + form.suffixFor(subject.name());
        }

        /** The part of every product text that comes from the template alone (its own embedding). */
        String text() {
            return name() + "。" + String.join("、", subject.keywords()) + "。" + subject.description() + form.sentence
                    + "。字段：" + String.join("、", subject.fields());
        }
    }

    /** How much time a product covers and how often it is refreshed. */
    record Variant(String years, String frequency) {
        String text() {
            return "（" + years + "）时间范围" + years + "，" + frequency;
        }
    }

    static final List<ProviderKind> PROVIDER_KINDS = List.of(
            kind("bank", "{s}农商银行", "银行", false),
            kind("dg", "{s}数据集团有限公司", "数据集团", false),
            kind("tax", "国家税务总局{c}税务局", "税务局", true),
            kind("sci", "{c}科学技术局", "科技局", true),
            kind("ipo", "{c}知识产权局", "知识产权局", true),
            kind("credit", "{s}信用评级有限公司", "评级机构", false),
            kind("miit", "{c}经济和信息化局", "经信局", true),
            kind("hrss", "{c}人力资源和社会保障局", "人社局", true),
            kind("sic", "{c}社会保险事业管理中心", "社保中心", true),
            kind("scf", "{s}供应链服务有限公司", "供应链平台", false),
            kind("logi", "{s}物流集团有限公司", "物流集团", false),
            kind("amr", "{c}市场监督管理局", "市场监管局", true),
            kind("power", "国网{c}供电公司", "供电公司", false),
            kind("nre", "{c}不动产登记中心", "不动产登记中心", true),
            kind("hpf", "{c}住房公积金管理中心", "公积金中心", true),
            kind("pboc", "中国人民银行{c}分行", "人民银行", true),
            kind("guar", "{s}融资担保有限公司", "担保公司", false),
            kind("court", "{c}中级人民法院", "法院", true),
            kind("antifraud", "{c}公安局反电信网络诈骗中心", "反诈中心", true),
            kind("hosp", "{c}第一人民医院", "医院", true),
            kind("mdev", "{s}医疗器械有限公司", "器械厂商", false),
            kind("lab", "{s}医学检验实验室", "检验实验室", false),
            kind("hsa", "{c}医疗保障局", "医保局", true),
            kind("hhc", "{c}卫生健康委员会", "卫健委", true),
            kind("elder", "{c}养老服务指导中心", "养老服务中心", true),
            kind("civil", "{c}民政局", "民政局", true),
            kind("care", "{s}康养科技有限公司", "康养企业", false),
            kind("ai", "{s}医疗人工智能有限公司", "医疗人工智能企业", false),
            kind("cdc", "{c}疾病预防控制中心", "疾控中心", true),
            kind("rail", "中铁{s}集装箱中心站", "铁路场站", false),
            kind("port", "{s}港口集团有限公司", "港口集团", false),
            kind("customs", "{s}海关", "海关", true),
            kind("trans", "{c}交通运输局", "交通运输局", true),
            kind("freight", "{s}网络货运平台有限公司", "网络货运平台", false),
            kind("bus", "{s}公交集团有限公司", "公交集团", false),
            kind("metro", "{s}地铁集团有限公司", "地铁集团", false),
            kind("bike", "{s}共享单车运营有限公司", "单车企业", false),
            kind("ride", "{s}出行科技有限公司", "网约车平台", false),
            kind("map", "{s}地理信息科技有限公司", "地图服务商", false),
            kind("police", "{c}公安局交通警察支队", "交警支队", true),
            kind("nr", "{c}规划和自然资源局", "自然资源局", true),
            kind("water", "{c}水文水资源局", "水文局", true),
            kind("meteo", "{c}气象局", "气象局", true),
            kind("forest", "{c}林业局", "林业局", true),
            kind("emerg", "{c}应急管理局", "应急管理局", true),
            kind("commerce", "{c}商务局", "商务局", true),
            kind("hka", "{c}家庭服务业协会", "家政协会", false),
            kind("pub", "{c}公安局", "公安局", true),
            kind("hotline", "{c}12345政务服务便民热线", "12345热线", true),
            kind("citym", "{c}城市运行管理中心", "城运中心", true),
            kind("eco", "{c}生态环境局", "生态环境局", true),
            kind("stat", "{c}统计局", "统计局", true),
            kind("energy", "{s}能源集团有限公司", "能源集团", false),
            kind("gas", "{s}燃气集团有限公司", "燃气集团", false),
            kind("scenic", "{s}文旅集团有限公司", "文旅集团", false),
            kind("tour", "{c}文化和旅游局", "文旅局", true),
            kind("auto", "{s}汽车集团有限公司", "整车企业", false),
            kind("roadside", "{s}智能网联科技有限公司", "路侧运营企业", false));

    /** The seed report's pilot cities and its case cities, with a few districts each. */
    static final List<Region> REGIONS = regions(
            "sh 上海市 上海 浦东新区 徐汇区 闵行区 嘉定区",
            "bj 北京市 北京 海淀区 朝阳区 丰台区 通州区",
            "zz 郑州市 郑州 金水区 郑东新区 二七区 中原区",
            "cq 重庆市 重庆 渝北区 江北区 九龙坡区 沙坪坝区",
            "gz 广州市 广州 天河区 黄埔区 番禺区 白云区",
            "gy 贵阳市 贵阳 观山湖区 南明区 云岩区",
            "nb 宁波市 宁波 鄞州区 北仑区 海曙区",
            "xm 厦门市 厦门 思明区 湖里区 集美区",
            "hh 呼和浩特市 呼和浩特 赛罕区 新城区 回民区",
            "nj 南京市 南京 江宁区 鼓楼区 玄武区",
            "cd 成都市 成都 武侯区 锦江区 双流区",
            "jn 济南市 济南 历下区 槐荫区 章丘区",
            "wz 温州市 温州 鹿城区 瓯海区 龙湾区");

    static final List<Variant> VARIANTS = variants(
            List.of(
                    "2018—2020年",
                    "2019—2021年",
                    "2020—2022年",
                    "2021—2023年",
                    "2022—2024年",
                    "2023—2025年",
                    "2020—2025年",
                    "2016—2025年"),
            List.of("实时更新", "每日更新", "每周更新", "每月更新", "每季度更新", "每年更新", "按需更新"));

    static final Map<String, String> INDUSTRY_ZONES = Map.of(
            "金融", "zone-finance",
            "医疗健康", "zone-health",
            "交通物流", "zone-transport",
            "城市治理", "zone-governance",
            "政务服务", "zone-public",
            "能源", "zone-energy",
            "文旅", "zone-tourism",
            "商贸", "zone-commerce",
            "智能网联汽车", "zone-auto");

    private static final String SUBJECTS_RESOURCE = "/city/tds/bench/catalog-subjects.txt";
    private static volatile CatalogVocabulary shipped;

    final List<Subject> subjects;
    final List<Template> templates;
    final Map<String, Subject> subjectsById;

    private CatalogVocabulary(List<Subject> subjects) {
        this.subjects = List.copyOf(subjects);
        List<Template> all = new ArrayList<>();
        Map<String, Subject> byId = new LinkedHashMap<>();
        for (Subject subject : subjects) {
            if (byId.put(subject.id(), subject) != null) {
                throw new IllegalStateException("duplicate subject " + subject.id());
            }
            for (Form form : subject.forms()) {
                all.add(new Template(subject, form));
            }
        }
        this.templates = List.copyOf(all);
        this.subjectsById = Map.copyOf(byId);
    }

    /** The vocabulary shipped with the benchmarks. */
    static CatalogVocabulary shipped() {
        CatalogVocabulary loaded = shipped;
        if (loaded == null) {
            loaded = new CatalogVocabulary(readSubjects());
            shipped = loaded;
        }
        return loaded;
    }

    static ProviderKind providerKind(String code) {
        for (ProviderKind kind : PROVIDER_KINDS) {
            if (kind.code().equals(code)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown provider kind " + code);
    }

    private static List<Subject> readSubjects() {
        List<Subject> subjects = new ArrayList<>();
        try (InputStream in = Objects.requireNonNull(
                        CatalogVocabulary.class.getResourceAsStream(SUBJECTS_RESOURCE), SUBJECTS_RESOURCE);
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\\|", -1);
                if (f.length != 10) {
                    throw new IllegalStateException("subject line needs 10 columns: " + line);
                }
                List<ProviderKind> kinds = new ArrayList<>();
                for (String code : f[7].split(",")) {
                    kinds.add(providerKind(code.strip()));
                }
                List<Form> forms = new ArrayList<>();
                for (String form : f[8].split(",")) {
                    forms.add(Form.valueOf(form.strip()));
                }
                int grade = Integer.parseInt(f[9].strip());
                if (f[3].contains("{org}")) {
                    for (ProviderKind kind : kinds) {
                        subjects.add(new Subject(
                                f[0] + "@" + kind.code(),
                                f[1],
                                f[2],
                                f[3].replace("{org}", kind.label()),
                                list(f[4]),
                                list(f[5]),
                                f[6].replace("{org}", kind.label()),
                                List.of(kind),
                                forms,
                                grade));
                    }
                } else {
                    subjects.add(
                            new Subject(f[0], f[1], f[2], f[3], list(f[4]), list(f[5]), f[6], kinds, forms, grade));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return subjects;
    }

    private static List<String> list(String joined) {
        return Arrays.stream(joined.split("、")).map(String::strip).toList();
    }

    private static ProviderKind kind(String code, String pattern, String label, boolean government) {
        return new ProviderKind(code, pattern, label, government);
    }

    private static List<Region> regions(String... lines) {
        List<Region> regions = new ArrayList<>();
        for (String line : lines) {
            String[] f = line.split(" ");
            City city = new City(f[0], f[1], f[2]);
            regions.add(new Region(city, null));
            for (int i = 3; i < f.length; i++) {
                regions.add(new Region(city, f[i]));
            }
        }
        return List.copyOf(regions);
    }

    private static List<Variant> variants(List<String> years, List<String> frequencies) {
        List<Variant> variants = new ArrayList<>();
        for (String y : years) {
            for (String f : frequencies) {
                variants.add(new Variant(y, f));
            }
        }
        return List.copyOf(variants);
    }
}
