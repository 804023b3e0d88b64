package io.waybill.platform;

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
}
