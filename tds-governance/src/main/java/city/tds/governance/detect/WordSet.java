package city.tds.governance.detect;

import java.util.Collection;

/**
 * An immutable open-addressing hash set of short strings that can be probed with a range of any
 * {@link CharSequence}, so that looking up a substring allocates nothing.
 */
final class WordSet {

    private final String[] table;
    private final int mask;
    private final int maxLength;
    private final int size;

    WordSet(Collection<String> words) {
        int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2)) << 1;
        table = new String[capacity];
        mask = capacity - 1;
        int longest = 0;
        int count = 0;
        for (String word : words) {
            int slot = hash(word, 0, word.length()) & mask;
            while (table[slot] != null && !table[slot].equals(word)) {
                slot = (slot + 1) & mask;
            }
            if (table[slot] == null) {
                table[slot] = word;
                count++;
                longest = Math.max(longest, word.length());
            }
        }
        maxLength = longest;
        size = count;
    }

    boolean contains(CharSequence text, int from, int to) {
        int length = to - from;
        if (length <= 0 || length > maxLength) {
            return false;
        }
        int slot = hash(text, from, to) & mask;
        String candidate;
        while ((candidate = table[slot]) != null) {
            if (candidate.length() == length && sameChars(candidate, text, from)) {
                return true;
            }
            slot = (slot + 1) & mask;
        }
        return false;
    }

    boolean contains(CharSequence text) {
        return contains(text, 0, text.length());
    }

    int maxLength() {
        return maxLength;
    }

    int size() {
        return size;
    }

    private static boolean sameChars(String candidate, CharSequence text, int from) {
        for (int i = 0; i < candidate.length(); i++) {
            if (candidate.charAt(i) != text.charAt(from + i)) {
                return false;
            }
        }
        return true;
    }

    private static int hash(CharSequence text, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + text.charAt(i);
        }
        return h ^ (h >>> 16);
    }
}
