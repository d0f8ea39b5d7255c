package city.tds.governance.detect;

import java.util.Random;

/** Synthetic Chinese addresses, things that are not addresses, and ordinary non-sensitive values. */
final class AddressAndOrdinarySamples {

    /** Province, city, district triples; some districts are deliberately rare. */
    private static final String[][] PLACES = {
        {"浙江省", "杭州市", "西湖区"},
        {"浙江省", "杭州市", "余杭区"},
        {"浙江省", "宁波市", "鄞州区"},
        {"浙江省", "温州市", "瑞安市"},
        {"江苏省", "南京市", "鼓楼区"},
        {"江苏省", "苏州市", "吴中区"},
        {"江苏省", "徐州市", "铜山区"},
        {"广东省", "深圳市", "南山区"},
        {"广东省", "广州市", "天河区"},
        {"广东省", "东莞市", "南城街道"},
        {"广东省", "佛山市", "顺德区"},
        {"四川省", "成都市", "武侯区"},
        {"湖北省", "武汉市", "洪山区"},
        {"湖南省", "长沙市", "岳麓区"},
        {"河南省", "周口市", "太康县"},
        {"河南省", "郑州市", "金水区"},
        {"山东省", "青岛市", "崂山区"},
        {"山东省", "临沂市", "兰陵县"},
        {"安徽省", "宿州市", "萧县"},
        {"安徽省", "宿州市", "砀山县"},
        {"福建省", "厦门市", "思明区"},
        {"福建省", "泉州市", "晋江市"},
        {"陕西省", "西安市", "雁塔区"},
        {"云南省", "大理白族自治州", "大理市"},
        {"贵州省", "遵义市", "汇川区"},
        {"江西省", "赣州市", "章贡区"},
        {"河北省", "保定市", "涿州市"},
        {"辽宁省", "大连市", "甘井子区"},
        {"黑龙江省", "哈尔滨市", "南岗区"},
        {"广西壮族自治区", "南宁市", "青秀区"},
        {"新疆维吾尔自治区", "乌鲁木齐市", "天山区"},
        {"北京市", "北京市", "朝阳区"},
        {"北京市", "北京市", "海淀区"},
        {"上海市", "上海市", "浦东新区"},
        {"上海市", "上海市", "徐汇区"},
        {"天津市", "天津市", "南开区"},
        {"重庆市", "重庆市", "渝北区"},
        {"甘肃省", "天水市", "麦积区"},
        {"山西省", "晋中市", "榆次区"}
    };

    private static final String[] STREETS = {
        "文三路", "人民路", "中山路", "解放大道", "建设路", "长安街", "南京东路", "科技园路", "学院路", "滨江大道", "和平街", "幸福巷", "工业大道", "东风路", "新华路",
        "青年路", "振兴街", "光明路", "花园路", "胜利街"
    };
    private static final String[] TOWNS = {"城郊乡", "王庄镇", "清水镇", "高桥镇", "老城镇", "石门乡", "白马乡", "新集镇"};
    private static final String[] VILLAGES = {"王庄村", "李家村", "大树村", "河湾村", "新庄村", "马庄村", "前进村", "红星村"};
    private static final String[] COMMUNITIES = {"阳光花园", "锦绣苑", "翠苑一区", "金色家园", "和谐小区", "滨江公寓", "世纪城"};
    private static final String[] NOT_ADDRESSES = {
        "杭州某某科技有限公司",
        "北京大学",
        "上海交通大学",
        "中国人民银行",
        "浙江省人民医院",
        "广州市第一人民医院",
        "深圳市腾讯计算机系统有限公司",
        "华为手机Mate60 Pro",
        "请于3号前完成付款",
        "北京时间下午三点",
        "上海路演活动报名",
        "会议室在3楼东侧",
        "江苏南京",
        "杭州西湖风景名胜区",
        "浙江大学医学院附属第一医院",
        "成都市人民政府",
        "本周五下午召开部门例会",
        "客户反馈产品质量良好",
        "订单已发货请注意查收",
        "发票抬头为公司全称",
        "武汉长江大桥",
        "湖南卫视新闻联播",
        "四川火锅调味料",
        "重庆小面加辣",
        "山东大学威海分校",
        "广东省教育厅通知",
        "天津港集团有限公司",
        "南京路步行街很热闹",
        "中山公园门票免费",
        "西湖龙井明前茶",
        "第三季度销售报告",
        "年度优秀员工评选",
        "道路维修请绕行",
        "本小区禁止停车",
        "一号线地铁末班车",
        "三楼会议室预约"
    };
    private static final String[] WORDS = {
        "已完成", "待审核", "处理中", "男", "女", "是", "否", "正常", "异常", "启用", "停用", "汉族", "本科", "硕士", "已婚", "未婚", "城镇", "农村", "合格",
        "不合格", "优秀", "良好", "高", "中", "低", "退款", "已支付", "未支付", "苹果", "香蕉", "大米", "食用油", "矿泉水", "笔记本电脑", "办公用品", "电子产品",
        "服装鞋帽", "其他", "无", "暂无", "不详"
    };
    private static final String[] COMPANIES = {
        "科技有限公司", "贸易有限公司", "实业集团", "信息技术股份有限公司", "建筑工程有限公司", "餐饮管理有限公司", "物流有限公司", "数据服务有限公司"
    };

    private final Random random;
    private final IdentifierSamples numbers;

    AddressAndOrdinarySamples(Random random, IdentifierSamples numbers) {
        this.random = random;
        this.numbers = numbers;
    }

    String address() {
        String[] place = PLACES[random.nextInt(PLACES.length)];
        String prefix =
                switch (random.nextInt(5)) {
                    case 0 -> place[1] + place[2];
                    case 1 ->
                        place[1].equals(place[0])
                                ? place[0] + place[2]
                                : place[0].replace("省", "") + place[1].replace("市", "") + place[2];
                    case 2 -> "";
                    default -> (place[1].equals(place[0]) ? place[0] : place[0] + place[1]) + place[2];
                };
        if (random.nextInt(6) == 0) {
            return prefix + TOWNS[random.nextInt(TOWNS.length)] + VILLAGES[random.nextInt(VILLAGES.length)]
                    + (1 + random.nextInt(12)) + "组" + (random.nextBoolean() ? (1 + random.nextInt(80)) + "号" : "");
        }
        StringBuilder out = new StringBuilder(prefix);
        out.append(STREETS[random.nextInt(STREETS.length)])
                .append(1 + random.nextInt(999))
                .append("号");
        if (random.nextBoolean()) {
            out.append(COMMUNITIES[random.nextInt(COMMUNITIES.length)]);
        }
        if (random.nextInt(3) > 0) {
            out.append(1 + random.nextInt(30)).append(random.nextBoolean() ? "栋" : "幢");
            if (random.nextBoolean()) {
                out.append(1 + random.nextInt(6)).append("单元");
            }
            out.append(101 + random.nextInt(30) * 100 + random.nextInt(8)).append("室");
        }
        return out.toString();
    }

    String addressNearMiss() {
        if (random.nextInt(3) == 0) {
            String[] place = PLACES[random.nextInt(PLACES.length)];
            return place[1].replace("市", "") + random.nextInt(100) + COMPANIES[random.nextInt(COMPANIES.length)];
        }
        return NOT_ADDRESSES[random.nextInt(NOT_ADDRESSES.length)];
    }

    String ordinary() {
        return switch (random.nextInt(16)) {
            case 0 -> String.format("%d.%02d", random.nextInt(100000), random.nextInt(100));
            case 1 -> String.format("¥%,d.00", random.nextInt(10000000));
            case 2 ->
                String.format(
                        "%d-%02d-%02d", 2000 + random.nextInt(26), 1 + random.nextInt(12), 1 + random.nextInt(28));
            case 3 ->
                String.format(
                        "%d/%02d/%02d %02d:%02d:%02d",
                        2000 + random.nextInt(26),
                        1 + random.nextInt(12),
                        1 + random.nextInt(28),
                        random.nextInt(24),
                        random.nextInt(60),
                        random.nextInt(60));
            case 4 ->
                "20" + (10 + random.nextInt(16))
                        + String.format("%02d%02d", 1 + random.nextInt(12), 1 + random.nextInt(28));
            case 5 -> "DD" + "2024" + numbers.digits(10);
            case 6 -> "SKU-" + numbers.digits(4) + "-" + new String[] {"S", "M", "L", "XL"}[random.nextInt(4)];
            case 7 -> random.nextInt(1000) / 10.0 + "%";
            case 8 -> WORDS[random.nextInt(WORDS.length)];
            case 9 -> "" + random.nextInt(100000);
            case 10 -> (100000 + random.nextInt(800000)) + "";
            case 11 -> "v" + random.nextInt(10) + "." + random.nextInt(20) + "." + random.nextInt(50);
            case 12 ->
                java.util
                        .UUID
                        .nameUUIDFromBytes(numbers.digits(12).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                        .toString();
            case 13 -> "978-7-" + numbers.digits(3) + "-" + numbers.digits(5) + "-" + numbers.digits(1);
            case 14 -> "2024" + numbers.digits(12);
            default -> "1" + numbers.digits(9);
        };
    }
}
