package io.waybill.notifications;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ConflictException;
import io.waybill.kernel.NotFoundException;
import io.waybill.notifications.config.NotificationsProperties;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The caller's own devices for push notifications. */
@Service
public class DeviceService {

    private final Devices devices;
    private final Clock clock;
    private final int maxPerUser;

    DeviceService(Devices devices, Clock clock, NotificationsProperties properties) {
        this.devices = devices;
        this.clock = clock;
        this.maxPerUser = properties.push().maxDevicesPerUser();
    }

    /**
     * Registers a device; the same token again is the same device (its answer says it was not new).
     * A user with the most devices allowed removes one first: 409.
     */
    @Transactional
    public Devices.Registration register(Caller caller, String token, String platform) {
        Device device = Device.register(caller.userId(), token, platform, clock.instant());
        boolean alreadyTheirs = devices.ofUser(caller.userId()).stream()
                .anyMatch(mine -> mine.token().equals(device.token()));
        if (!alreadyTheirs && devices.countLockingUser(caller.userId()) >= maxPerUser) {
            throw new ConflictException("You already have " + maxPerUser + " registered devices, the most an account "
                    + "may have; remove one (DELETE /me/devices/{id}) first.");
        }
        return devices.register(device);
    }

    public List<Device> list(Caller caller) {
        return devices.ofUser(caller.userId());
    }

    /** Removes one of the caller's devices; someone else's is 404, as one that does not exist. */
    @Transactional
    public void remove(Caller caller, UUID id) {
        Device device = devices.find(id).filter(found -> caller.is(found.userId()))
                .orElseThrow(() -> new NotFoundException("No device " + id + " is registered to you."));
        devices.remove(device.id());
    }
}
