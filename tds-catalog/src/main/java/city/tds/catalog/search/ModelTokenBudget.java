package city.tds.catalog.search;

/**
 * A cheap, conservative estimate of how many WordPiece tokens bge-small-zh makes of a text, used to cut texts to
 * what the model reads instead of letting the encoder split and average long inputs. One token per CJK character or
 * punctuation mark, one per two characters of a Latin word or number (word pieces), none for white space.
 */
final class ModelTokenBudget {
    private ModelTokenBudget() {}

    /** The longest prefix of {@code text} estimated to fit in {@code budget} tokens. */
    static String truncate(String text, int budget) {
        int used = 0;
        int i = 0;
        while (i < text.length()) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            int cost;
            if (isWordChar(codePoint)) {
                int end = i + width;
                while (end < text.length() && isWordChar(text.codePointAt(end))) {
                    end += Character.charCount(text.codePointAt(end));
                }
                cost = (end - i + 1) / 2;
                width = end - i;
            } else {
                cost = Character.isWhitespace(codePoint) ? 0 : 1;
            }
            if (used + cost > budget) {
                break;
            }
            used += cost;
            i += width;
        }
        return text.substring(0, i);
    }

    private static boolean isWordChar(int codePoint) {
        return codePoint < 0x80 && Character.isLetterOrDigit(codePoint);
    }
}
