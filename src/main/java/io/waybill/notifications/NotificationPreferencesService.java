package io.waybill.notifications;

import io.waybill.kernel.Caller;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A user's own choice of channels. */
@Service
public class NotificationPreferencesService {

    private final NotificationStore store;
    private final Clock clock;

    NotificationPreferencesService(NotificationStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    public NotificationPreferences of(Caller caller) {
        return store.preferences(caller.userId()).orElse(NotificationPreferences.DEFAULT);
    }

    /** Changes the channels given; a channel left null keeps its setting. */
    @Transactional
    public NotificationPreferences change(Caller caller, Boolean email, Boolean sms, Boolean whatsapp, Boolean push) {
        NotificationPreferences next = of(caller).with(email, sms, whatsapp, push);
        store.storePreferences(caller.userId(), next, clock.instant());
        return next;
    }
}
