package io.waybill.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.notifications.NotificationPreferences;
import io.waybill.notifications.NotificationPreferencesService;
import io.waybill.kernel.Caller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Notifications")
class NotificationPreferencesController {

    private final NotificationPreferencesService preferences;

    NotificationPreferencesController(NotificationPreferencesService preferences) {
        this.preferences = preferences;
    }

    @GetMapping("/me/notification-preferences")
    @Operation(summary = "The caller's notification channels", description = "Every channel on until the user opts out. WhatsApp and push "
            + "are sent only where the server has them configured (push: to the devices registered with POST /me/devices).")
    NotificationPreferences get(Caller caller) {
        return preferences.of(caller);
    }

    @PutMapping("/me/notification-preferences")
    @Operation(summary = "Opt in or out per channel", description = "`{email, sms, whatsapp, push}`; a field left out keeps its value.")
    NotificationPreferences put(Caller caller, @RequestBody PreferencesRequest request) {
        return preferences.change(caller, request.email(), request.sms(), request.whatsapp(), request.push());
    }

    record PreferencesRequest(Boolean email, Boolean sms, Boolean whatsapp, Boolean push) {
    }
}
