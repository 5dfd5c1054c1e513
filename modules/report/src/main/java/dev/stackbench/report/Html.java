package dev.stackbench.report;

/** HTML text escaping: the few characters that matter in element content and quoted attributes. */
final class Html {
    private Html() {
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Makes text safe inside a {@code <script>} element: no {@code </script>} or {@code <!--} can
     * end or confuse it. Valid for JavaScript and JSON, where {@code <\/} means {@code </}.
     */
    static String scriptSafe(String script) {
        return script.replace("</", "<\\/").replace("<!--", "<\\!--");
    }
}
