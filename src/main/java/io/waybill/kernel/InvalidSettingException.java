package io.waybill.kernel;

import java.time.Duration;

/**
 * A setting that Waybill cannot start with: missing, malformed or out of range. It names the
 * setting and says what to do, so start-up ends with that advice rather than a stack trace.
 */
public class InvalidSettingException extends IllegalStateException {

    private final String setting;
    private final String action;

    /**
     * @param setting the environment variable or property to fix, as the operator sets it
     * @param problem what is wrong with it
     * @param action  what to do about it
     */
    public InvalidSettingException(String setting, String problem, String action) {
        super(problem);
        this.setting = setting;
        this.action = action;
    }

    public String setting() {
        return setting;
    }

    public String action() {
        return action;
    }

    /** For the settings records' constructors: a duration that must be longer than zero. */
    public static Duration requirePositive(String property, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new InvalidSettingException(property, property + " must be a positive duration; it is " + value + ".",
                    "Set " + property + " to a positive duration (ISO-8601 like PT30S, or 30s), or remove it to "
                            + "use the default.");
        }
        return value;
    }

    /** For the settings records' constructors: a duration that may be zero (nothing kept, no wait) but not negative. */
    public static Duration requireNotNegative(String property, Duration value) {
        if (value == null || value.isNegative()) {
            throw new InvalidSettingException(property, property + " must not be negative; it is " + value + ".",
                    "Set " + property + " to zero or a positive duration (ISO-8601 like PT1S, or 1s), or remove "
                            + "it to use the default.");
        }
        return value;
    }

    /** For the settings records' constructors: a count that must be at least {@code least}. */
    public static int requireAtLeast(String property, int value, int least) {
        if (value < least) {
            throw new InvalidSettingException(property, property + " must be at least " + least + "; it is " + value
                    + ".", "Set " + property + " to " + least + " or more, or remove it to use the default.");
        }
        return value;
    }
}
