package org.icakg.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The link targets of an HTML page that a browser would run or open as something else than a web page. */
public final class HtmlLinks {

    private static final Pattern LINK = Pattern.compile(
            "\\s(?:xlink:)?(?:href|src|action|formaction)\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    private HtmlLinks() {}

    /** Every link target in the page that is not a local path, a fragment, a query or an http(s) IRI. */
    public static List<String> unsafe(String html) {
        List<String> unsafe = new ArrayList<>();
        Matcher m = LINK.matcher(html);
        while (m.find()) {
            if (!isSafe(unescape(m.group(1))))
                unsafe.add(m.group(0).trim());
        }
        return unsafe;
    }

    /** A local path, a fragment, a query, or an absolute http(s) IRI. */
    public static boolean isSafe(String target) {
        String t = target.toLowerCase(Locale.ROOT);
        return (t.startsWith("/") && !t.startsWith("//")) || t.startsWith("#") || t.startsWith("?")
                || t.startsWith("http://") || t.startsWith("https://");
    }

    /** Text or an attribute value as a browser reads it: numeric and the five XML character references replaced. */
    public static String decode(String html) {
        Matcher m = Pattern.compile("&(#x[0-9a-fA-F]+|#[0-9]+|amp|quot|lt|gt|apos);").matcher(html);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String ref = m.group(1);
            String c = switch (ref) {
                case "amp" -> "&";
                case "quot" -> "\"";
                case "lt" -> "<";
                case "gt" -> ">";
                case "apos" -> "'";
                default -> Character.toString(ref.startsWith("#x") ? Integer.parseInt(ref.substring(2), 16)
                        : Integer.parseInt(ref.substring(1)));
            };
            m.appendReplacement(b, Matcher.quoteReplacement(c));
        }
        return m.appendTail(b).toString();
    }

    private static String unescape(String attribute) {
        return attribute.replace("&#x3A;", ":").replace("&#58;", ":").replace("&colon;", ":").replace("&amp;", "&")
                .replace("&#61;", "=").replace("&#39;", "'").replace("&quot;", "\"").strip();
    }
}
