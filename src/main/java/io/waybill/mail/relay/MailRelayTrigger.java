package io.waybill.mail.relay;

import io.waybill.kernel.BackgroundRun;
import org.springframework.stereotype.Component;

/**
 * Runs the relay soon after a commit, on one background thread, off the request's thread. Wake-ups
 * that arrive while a run is pending fold into it.
 */
@Component
class MailRelayTrigger implements AutoCloseable {

    private volatile Runnable relay = () -> { };
    private final BackgroundRun run = new BackgroundRun("mail-relay", () -> relay.run());

    void onWake(Runnable relay) {
        this.relay = relay;
    }

    void wake() {
        run.soon();
    }

    @Override
    public void close() {
        run.close();
    }
}
