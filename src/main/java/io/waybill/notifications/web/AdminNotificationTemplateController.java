package io.waybill.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.notifications.NotificationTemplateService;
import io.waybill.notifications.TemplateOverride;
import java.time.Instant;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/admin/notification-templates")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Admin: notification texts", description = "The tenant's own texts in place of the built-in ones")
class AdminNotificationTemplateController {

    private final NotificationTemplateService templates;

    AdminNotificationTemplateController(NotificationTemplateService templates) {
        this.templates = templates;
    }

    @GetMapping
    @Operation(summary = "The tenant's own notification texts")
    List<TemplateResponse> list(Caller caller) {
        return templates.list(caller).stream().map(TemplateResponse::of).toList();
    }

    @PutMapping(path = "/{kind}/{channel}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Set the tenant's text for one kind and channel", description = "In place of the "
            + "built-in template for the tenant's notifications from now on; {{placeholders}} as the built-in one "
            + "uses. WhatsApp texts (templates Meta approved) cannot be changed.")
    @ApiResponse(responseCode = "200", description = "The tenant's text now")
    @ApiResponse(responseCode = "404", description = "No built-in template of this kind and channel")
    @ApiResponse(responseCode = "422", description = "Not of the built-in one's form, a placeholder it has not, "
            + "or a WhatsApp text")
    TemplateResponse put(@PathVariable String kind, @PathVariable String channel,
            @RequestBody TemplateRequest request, Caller caller) {
        return TemplateResponse.of(templates.override(caller, kind, channel, request.template()));
    }

    @DeleteMapping("/{kind}/{channel}")
    @Operation(summary = "Go back to the built-in text for one kind and channel")
    @ApiResponse(responseCode = "204", description = "The built-in text applies again")
    @ApiResponse(responseCode = "404", description = "The tenant has no text of its own for it")
    ResponseEntity<Void> delete(@PathVariable String kind, @PathVariable String channel, Caller caller) {
        templates.remove(caller, kind, channel);
        return ResponseEntity.noContent().build();
    }

    record TemplateRequest(@Schema(example = "Subject: Your parcel {{tracking_number}} is booked\n\nHello "
            + "{{name}}, ...") String template) {
    }

    record TemplateResponse(String kind, String channel, String template, Instant changedAt) {

        static TemplateResponse of(TemplateOverride override) {
            return new TemplateResponse(override.kind(), override.channel().wireName(), override.template(),
                    override.changedAt());
        }
    }
}
