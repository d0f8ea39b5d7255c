package city.tds.server.governance;

/** Resident ID numbers (GB 11643) with a correct check character, for tests. */
public final class IdNumbers {

    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private IdNumbers() {}

    /** The {@code i}-th of a series of valid numbers of 朝阳区 (110105). */
    public static String idNumber(int i) {
        String first17 = "110105" + (1960 + i % 40) + String.format("%02d%02d", 1 + i % 12, 1 + i % 28)
                + String.format("%03d", i % 1000);
        return first17 + checkCharacter(first17);
    }

    public static char checkCharacter(String first17) {
        int sum = 0;
        for (int k = 0; k < 17; k++) {
            sum += (first17.charAt(k) - '0') * WEIGHTS[k];
        }
        return "10X98765432".charAt(sum % 11);
    }

    /** Whether {@code id} has 18 characters and its last is the check character of the first 17. */
    public static boolean valid(String id) {
        return id.length() == 18
                && id.substring(0, 17).chars().allMatch(Character::isDigit)
                && checkCharacter(id.substring(0, 17)) == id.charAt(17);
    }
}
