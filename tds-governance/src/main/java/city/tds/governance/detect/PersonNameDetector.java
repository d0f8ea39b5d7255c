package city.tds.governance.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Chinese personal names: a surname from the shipped dictionary ({@code surnames.txt}: single surnames in three
 * frequency tiers, and compound surnames) followed by one or two characters from the given-name list
 * ({@code given-name-chars.txt}), two to four CJK characters in all, and not a word from the stop list
 * ({@code name-stop-words.txt}) nor an administrative name from the address dictionary (吕梁, 邵阳, 吉林).
 *
 * <p>A two-character value whose second character mostly makes a noun after a surname (家, 子, 朝, 国, 城 …: 蔡家,
 * 栗子, 夏朝, 魏国, 彭城) is not a name. A tier-3 single surname (rare, or a character that mostly forms ordinary words, such as 安 or 海) counts only in a
 * three-character name. Certainty depends on the surname's tier; dictionary evidence is never near-certain, so a name
 * column is reported with less confidence than a column of validated numbers. Names with a middle dot (transcribed
 * minority or foreign names) are not recognised.
 */
public final class PersonNameDetector implements Detector {

    private static final double[] CERTAINTY_BY_TIER = {0, 0.8, 0.7, 0.6};
    private static final double CERTAINTY_COMPOUND = 0.75;

    /** Characters that after a surname make a two-character noun (the X family, X dynasty, X town), not a name. */
    private static final String NOT_SOLE_GIVEN = "家子氏朝国城州树村庄屯门府寨乡镇";

    private static final class Dictionary {
        static final byte[] SURNAME_TIER = new byte[65536];
        static final WordSet COMPOUND;
        static final CharTable GIVEN = new CharTable(DetectResources.chars("given-name-chars.txt"));
        static final WordSet STOP = stopWords();

        static {
            List<String> compound = new ArrayList<>();
            for (String line : DetectResources.lines("surnames.txt")) {
                String[] parts = line.split("\\s+");
                for (int i = 1; i < parts.length; i++) {
                    if (parts[0].equals("C")) {
                        compound.add(parts[i]);
                    } else {
                        char c = parts[i].charAt(0);
                        byte tier = Byte.parseByte(parts[0]);
                        if (SURNAME_TIER[c] == 0 || SURNAME_TIER[c] > tier) {
                            SURNAME_TIER[c] = tier;
                        }
                    }
                }
            }
            COMPOUND = new WordSet(compound);
        }
    }

    @Override
    public SensitiveKind kind() {
        return SensitiveKind.PERSON_NAME;
    }

    @Override
    public boolean mayMatch(ValueShape shape) {
        int n = shape.cjk();
        return n >= 2 && n <= 4 && shape.length() == n;
    }

    @Override
    public double score(String value, ValueShape shape) {
        int start = shape.start();
        int end = shape.end();
        int length = end - start;
        if (Dictionary.STOP.contains(value, start, end)) {
            return 0;
        }
        if (length >= 3 && Dictionary.COMPOUND.contains(value, start, start + 2) && given(value, start + 2, end)) {
            return CERTAINTY_COMPOUND;
        }
        if (length == 4) {
            return 0;
        }
        int tier = Dictionary.SURNAME_TIER[value.charAt(start)];
        if (tier == 0 || (tier == 3 && length != 3) || !given(value, start + 1, end)) {
            return 0;
        }
        if (length == 2 && NOT_SOLE_GIVEN.indexOf(value.charAt(start + 1)) >= 0) {
            return 0;
        }
        return CERTAINTY_BY_TIER[tier];
    }

    private static boolean given(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Dictionary.GIVEN.contains(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static WordSet stopWords() {
        List<String> stop = words("name-stop-words.txt");
        for (String name : AddressDetector.administrativeNames()) {
            if (name.length() <= 4) {
                stop.add(name);
            }
        }
        return new WordSet(stop);
    }

    static List<String> words(String resource) {
        List<String> words = new ArrayList<>();
        for (String line : DetectResources.lines(resource)) {
            for (String word : line.split("\\s+")) {
                words.add(word);
            }
        }
        return words;
    }
}
