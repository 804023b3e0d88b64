package io.waybill.notifications.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.kernel.Caller;
import io.waybill.kernel.NoApiKeys;
import io.waybill.notifications.Device;
import io.waybill.notifications.DeviceService;
import io.waybill.notifications.Devices;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Customers and agents (the people with an app): admins are refused by role. */
@RestController
@Tag(name = "Notifications")
@PreAuthorize("hasAnyRole('CUSTOMER', 'AGENT')")
class DeviceController {

    private final DeviceService devices;

    DeviceController(DeviceService devices) {
        this.devices = devices;
    }

    @PostMapping("/me/devices")
    // A leaked key must not set up a channel that outlives its revocation.
    @NoApiKeys
    @Operation(summary = "Register a device for push notifications", description = "`{token, platform}`: the push "
            + "provider's registration token (FCM) and `android`, `ios` or `web`. The same token again is the same "
            + "device: 200 with it (moved to the caller if another account had it), 201 for a new one. 422 for a "
            + "missing or malformed token or an unknown platform; 409 beyond the devices an account may have (10 "
            + "by default). A device the provider says is no longer valid is forgotten. Takes a bearer token: API keys "
            + "get 403.")
    @ApiResponse(responseCode = "201", description = "The device, registered")
    @ApiResponse(responseCode = "200", description = "The device, registered already")
    ResponseEntity<DeviceResponse> register(Caller caller, @RequestBody DeviceRequest request) {
        Devices.Registration registration = devices.register(caller, request.token(), request.platform());
        DeviceResponse body = DeviceResponse.of(registration.device());
        return registration.created()
                ? ResponseEntity.created(URI.create("/me/devices/" + body.id())).body(body)
                : ResponseEntity.status(HttpStatus.OK).body(body);
    }

    @GetMapping("/me/devices")
    @Operation(summary = "The caller's registered devices, oldest first")
    List<DeviceResponse> list(Caller caller) {
        return devices.list(caller).stream().map(DeviceResponse::of).toList();
    }

    @DeleteMapping("/me/devices/{id}")
    @Operation(summary = "Unregister a device", description = "404 for a device that is not the caller's.")
    @ApiResponse(responseCode = "204", description = "Unregistered")
    ResponseEntity<Void> remove(Caller caller, @PathVariable UUID id) {
        devices.remove(caller, id);
        return ResponseEntity.noContent().build();
    }

    record DeviceRequest(String token, String platform) {
    }

    record DeviceResponse(UUID id, String token, String platform, Instant createdAt) {

        static DeviceResponse of(Device device) {
            return new DeviceResponse(device.id(), device.token(), device.platform(), device.createdAt());
        }
    }
}
