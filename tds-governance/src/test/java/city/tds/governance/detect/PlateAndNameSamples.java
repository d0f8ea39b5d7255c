package city.tds.governance.detect;

import java.util.Random;

/** Synthetic licence plates and Chinese personal names for the labelled corpus, valid and near misses. */
final class PlateAndNameSamples {

    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String NOT_PROVINCES = "中汉港台华东西南北杭深广";
    private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    /** Surnames with rough weights: the first ones are drawn most often. */
    private static final String FREQUENT =
            "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任" + "沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    private static final String LESS_FREQUENT =
            "常温康施牛樊葛邢齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝符舒阮柯纪梅童凌毕" + "季裴霍涂苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍喻祁蒲房滕屈饶牟艾尤穆卓缪麦褚娄窦戚岑费卜晏姬闵苟邬卞佟臧瞿桂";
    private static final String[] COMPOUND = {
        "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "夏侯", "司徒", "端木", "南宫", "长孙", "宇文", "呼延", "澹台"
    };
    /** Surnames real but rare enough to be missing from the detector's dictionary. */
    private static final String RARE_SURNAMES = "禤妫蹇眭宦菅郄麹黾";

    private static final String GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红建国文辉鹏飞宇浩子轩涵梓博昊晨欣怡雨思佳琪"
            + "嘉俊睿泽瑞航凯锦程皓奕辰逸阳翔豪鑫雪梅琳莉燕丹婷颖慧倩茜雯晶瑶璐蕾薇菲蓉岚琴玲芬珍凤秋春冬月云彩虹"
            + "娇媛妍妮晓志永新海东兴旭光亮力斌波宁峰林森松柏杨楠桐栋梁彬成龙鸿德仁义忠福庆祥吉安康乐宝金银铭锐"
            + "钢鑫钧山川江清源润滨淼澜溪洁冰霖露天星昌晖晗晴昕曦朗景聪捷达远雄健毅坚武威胜贤良美雅娴淑婉柔惠芝"
            + "菊荷莲竹桃芳香馨蕊萌茂荣苗茹莹萱蓓菁芸若依诗韵宏弘伦磊石岩峻岭崇立中正民兵卫振耀煌灿炜焕熙烨煜琛"
            + "琦瑜瑾璇璟瑛珊珠琼玮珏玥琰璋洲淳澄渊沐沁汐沫淇漫潼灏岳峥嵘彤彦杉枫柳桦榕楚欢悦恒恩念恬悠慈懿宸宜";
    /** Given-name characters real but rare enough to be missing from the detector's list. */
    private static final String RARE_GIVEN = "珩砾翾昳旸湦玹琤珣暄晞沄淏炘焜婳嫚娆";
    /** Ordinary words and organisation names that start with a surname character. */
    private static final String[] NAME_LIKE_WORDS = {
        "北京银行", "中国银行", "招商银行", "公司", "银行", "北京", "上海", "高级", "黄金", "马上", "周末", "金融", "文化", "方法", "白天", "江南", "王国",
        "张开", "李子", "陈列", "何时", "林业", "许多", "曾经", "田园", "董事", "于是", "余额", "程序", "任务", "石油", "夏天", "方便", "白菜", "熊猫",
        "江湖", "雷雨", "龙虾", "黎明", "顾客", "毛巾", "万元", "钱包", "严格", "武术", "孔雀", "汤圆", "温暖", "康复", "施工", "牛奶", "安全", "颜色",
        "关键", "祝福", "包子", "舒服", "纪念", "梅花", "童话", "毕业", "成功", "蓝天", "路口", "管理", "时间", "国家", "平安", "信息", "明天", "海洋",
        "花园", "全国", "公园", "元旦", "南方", "计划", "黄瓜", "杨柳", "杜鹃", "刘海", "叶片", "马车", "朱砂", "宋朝", "苏打", "谢幕", "韩语", "梁柱",
        "江河", "何况", "罗盘", "高楼", "高手", "金鱼", "金色", "白云", "白雪", "石榴", "林荫", "雷鸣", "龙凤", "胡同", "孙子", "吴语", "周年", "徐徐",
        "朱红", "彭湃", "肖像", "潘多拉", "余生", "叶绿素", "程度", "魏晋", "吕梁", "丁香", "任意", "沈阳", "卢沟桥", "姜汤", "钟表", "谭腿", "陆地", "汪洋",
        "范围", "金山", "石头", "夏令营", "付款", "方圆", "白领", "邹城", "孟子", "熊掌", "秦岭", "江山", "闫村", "段落", "雷锋", "侯门", "龙头", "史书",
        "陶瓷", "黎族", "贺卡", "顾问", "毛衣", "郝村", "龚滩", "邵阳", "万能", "钱财", "严重", "覃塘", "武器", "戴帽", "莫名", "孔子", "向上", "汤勺",
        "金华", "黄山", "华为", "小米", "高铁", "高考", "温度", "文明", "安静"
    };

    private final Random random;

    PlateAndNameSamples(Random random) {
        this.random = random;
    }

    String plate() {
        String head = "" + PROVINCES.charAt(random.nextInt(PROVINCES.length())) + plateLetter();
        String serial =
                switch (random.nextInt(10)) {
                    case 0, 1 -> newEnergySerial();
                    case 2 -> serial(4) + "学挂警".charAt(random.nextInt(3));
                    default -> serial(5);
                };
        return switch (random.nextInt(6)) {
            case 0 -> head + "·" + serial;
            case 1 -> head + " " + serial;
            default -> head + serial;
        };
    }

    String plateNearMiss() {
        String province = "" + PROVINCES.charAt(random.nextInt(PROVINCES.length()));
        return switch (random.nextInt(5)) {
            case 0 -> NOT_PROVINCES.charAt(random.nextInt(NOT_PROVINCES.length())) + plateLetter() + serial(5);
            case 1 -> province + (random.nextBoolean() ? "I" : "O") + serial(5);
            case 2 -> {
                String serial = serial(5);
                int at = random.nextInt(5);
                yield province
                        + plateLetter()
                        + serial.substring(0, at)
                        + (random.nextBoolean() ? "I" : "O")
                        + serial.substring(at + 1);
            }
            case 3 -> province + plateLetter() + serial(random.nextBoolean() ? 4 : 7);
            default -> province + plateLetter() + "M" + digits(5);
        };
    }

    private String newEnergySerial() {
        if (random.nextInt(4) == 0) {
            return digits(5) + (random.nextBoolean() ? "D" : "F");
        }
        char first = "DDDFFABCEGHJK".charAt(random.nextInt(13));
        char second = random.nextBoolean() ? plateLetter() : (char) ('0' + random.nextInt(10));
        return "" + first + second + digits(4);
    }

    private String serial(int length) {
        StringBuilder out = new StringBuilder();
        int letters = random.nextInt(3);
        for (int i = 0; i < length; i++) {
            boolean letter = letters > 0 && random.nextInt(length - i) < letters;
            if (letter) {
                letters--;
                out.append(plateLetter());
            } else {
                out.append((char) ('0' + random.nextInt(10)));
            }
        }
        return out.toString();
    }

    private char plateLetter() {
        return LETTERS.charAt(random.nextInt(LETTERS.length()));
    }

    String personName() {
        int roll = random.nextInt(100);
        String surname;
        if (roll < 2) {
            surname = "" + RARE_SURNAMES.charAt(random.nextInt(RARE_SURNAMES.length()));
        } else if (roll < 6) {
            surname = COMPOUND[random.nextInt(COMPOUND.length)];
        } else if (roll < 30) {
            surname = "" + LESS_FREQUENT.charAt(random.nextInt(LESS_FREQUENT.length()));
        } else {
            int bound = random.nextBoolean() ? 20 : FREQUENT.length();
            surname = "" + FREQUENT.charAt(random.nextInt(bound));
        }
        int given = random.nextInt(10) < 7 ? 2 : 1;
        StringBuilder name = new StringBuilder(surname);
        for (int i = 0; i < given; i++) {
            boolean rare = random.nextInt(100) < 1;
            name.append(
                    rare
                            ? RARE_GIVEN.charAt(random.nextInt(RARE_GIVEN.length()))
                            : GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    String personNameNearMiss() {
        return NAME_LIKE_WORDS[random.nextInt(NAME_LIKE_WORDS.length)];
    }

    private String digits(int count) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            out.append((char) ('0' + random.nextInt(10)));
        }
        return out.toString();
    }
}
