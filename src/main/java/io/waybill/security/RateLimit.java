package io.waybill.security;

/**
 * The limits the server enforces, each a budget per key (an account or a client address) that
 * refills over a period. Their sizes come from configuration ({@code waybill.rate-limits.*}).
 */
public enum RateLimit {
    /**
     * Failed logins for one account from one client address: the strict budget, which a guesser
     * elsewhere cannot spend for the owner.
     */
    LOGIN_ACCOUNT("login-account"),
    /** Failed logins for one account from all addresses together: the looser bound on distributed guessing. */
    LOGIN_ACCOUNT_TOTAL("login-account-total"),
    /** Failed logins from one client address, whatever the account. */
    LOGIN_ADDRESS("login-address"),
    /** Public tracking lookups from one client address. */
    TRACKING("tracking"),
    /** Registrations from one client address. */
    REGISTRATION("registration"),
    /** Requests that send an email (verification, password reset) from one client address. */
    MAIL_REQUEST("mail-request"),
    /** Shipments booked by one account: each booking sends notifications and takes a tracking number. */
    BOOKING("booking", true),
    /** Batches of location points sent by one agent account: each batch writes up to 100 rows and an event. */
    LOCATIONS("locations", true),
    /** Messages to the WhatsApp number from one sender that get a reply: each reply is a message Waybill pays for. */
    WHATSAPP_SENDER("whatsapp-sender"),
    /**
     * Requests made with one API key, whatever they are: the key's own limit per minute when it was
     * issued with one, this budget's capacity otherwise.
     */
    API_KEY("api-key", true),
    /** Test events sent to one webhook: each is a request to its receiver at our expense. */
    WEBHOOK_TEST("webhook-test", true);

    private final String configName;
    private final boolean tenantSized;

    RateLimit(String configName) {
        this(configName, false);
    }

    RateLimit(String configName, boolean tenantSized) {
        this.configName = configName;
        this.tenantSized = tenantSized;
    }

    public String configName() {
        return configName;
    }

    /**
     * Whether a tenant may give this limit a budget of its own (its settings' {@code rate_limits}): a
     * limit whose budgets belong to one of its accounts or API keys, spent where the tenant is known.
     * A client address's budgets are spent before anyone knows a tenant, so they are the deployment's.
     */
    public boolean tenantSized() {
        return tenantSized;
    }
}
