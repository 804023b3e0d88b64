package io.waybill.kernel;

/**
 * Makes a value that came from outside safe to put into a log line: line breaks and other control
 * characters are written as escapes ({@code \r}, {@code \n}, {@code \t}, {@code \}{@code uXXXX}),
 * so that a value can never start a log line of its own that looks like the server's.
 */
public final class LogSafe {

    private LogSafe() {
    }

    public static String escape(Object value) {
        if (value == null) {
            return "null";
        }
        String text = value.toString();
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!SingleLineText.isControl(c) && c != '\\') {
                if (out != null) {
                    out.append(c);
                }
                continue;
            }
            if (out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                default -> out.append(String.format("\\u%04x", (int) c));
            }
        }
        return out == null ? text : out.toString();
    }
}
