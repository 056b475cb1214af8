package org.icakg.workbench;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A source's text cut into passages: spans of the text whose quote is exactly the text's own characters. The server
 * proposes one passage per sentence; the maintainer edits the proposal as plain text, one passage per block of lines
 * (a blank line between two passages), merging by removing a blank line and splitting by adding one.
 */
final class Passages {

    /** Most passages one source may have. */
    static final int MAX_PASSAGES = 500;

    /** One passage: its place in the text, {@code [start, end)}, and its exact quote. */
    record Span(int start, int end, String quote) {
        Span {
            if (start < 0 || end <= start)
                throw new IllegalArgumentException("a passage spans at least one character, got " + start + ".." + end);
        }
    }

    /** A passage of the maintainer's edit that is not in the text, in order. */
    static final class NotInText extends IllegalArgumentException {
        NotInText(String message) { super(message); }
    }

    private static final Pattern BLANK_LINE = Pattern.compile("\\n[ \\t]*\\r?\\n\\s*");
    private static final Pattern SPACE = Pattern.compile("\\s+");

    private Passages() {}

    /** The sentences of {@code text}, each trimmed of surrounding white space. */
    static List<Span> sentences(String text) {
        BreakIterator it = BreakIterator.getSentenceInstance(Locale.ENGLISH);
        it.setText(text);
        List<Span> out = new ArrayList<>();
        for (int start = it.first(), end = it.next(); end != BreakIterator.DONE; start = end, end = it.next()) {
            int s = start, e = end;
            while (s < e && Character.isWhitespace(text.charAt(s)))
                s++;
            while (e > s && Character.isWhitespace(text.charAt(e - 1)))
                e--;
            if (e > s)
                out.add(new Span(s, e, text.substring(s, e)));
        }
        return out;
    }

    /** The passages as the maintainer edits them: each on one line, a blank line between two. */
    static String asEditable(List<Span> spans) {
        StringBuilder out = new StringBuilder();
        for (Span s : spans) {
            if (!out.isEmpty())
                out.append("\n\n");
            out.append(SPACE.matcher(s.quote()).replaceAll(" "));
        }
        return out.toString();
    }

    /**
     * Finds each passage of the maintainer's edit in {@code text}, in order, white space matching any white space;
     * the quotes are the text's own characters.
     *
     * @throws NotInText naming the first passage that is not in the text after the one before it
     */
    static List<Span> locate(String text, String edited) {
        List<Span> out = new ArrayList<>();
        int from = 0;
        for (String block : BLANK_LINE.split(edited.strip())) {
            String words = block.strip();
            if (words.isEmpty())
                continue;
            if (out.size() == MAX_PASSAGES)
                throw new NotInText("A source has at most " + MAX_PASSAGES + " passages; this one has more.");
            StringBuilder regex = new StringBuilder();
            for (String word : SPACE.split(words)) {
                if (!regex.isEmpty())
                    regex.append("\\s+");
                regex.append(Pattern.quote(word));
            }
            Matcher m = Pattern.compile(regex.toString()).matcher(text);
            if (!m.find(from))
                throw new NotInText("Passage " + (out.size() + 1) + " (\u201c" + abbreviate(words) + "\u201d) is not in the text"
                        + (out.isEmpty() ? "" : " after passage " + out.size())
                        + ": a passage quotes the text exactly, in reading order.");
            out.add(new Span(m.start(), m.end(), text.substring(m.start(), m.end())));
            from = m.end();
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "…";
    }
}
