package io.waybill.notifications;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registered devices ({@code notifications.devices}). */
public interface Devices {

    /**
     * Registers the device for its user, unless its token is registered already: then the token
     * moves to this user (keeping its id) if it was another's. Returns the device as stored and
     * whether it was new.
     */
    Registration register(Device device);

    List<Device> ofUser(UUID userId);

    /** Counts the user's devices, holding a lock on the user till the transaction ends: two registrations cannot both pass the cap. */
    int countLockingUser(UUID userId);

    boolean hasAny(UUID userId);

    Optional<Device> find(UUID id);

    void remove(UUID id);

    /** Forgets every device of a deleted account. */
    void forgetUser(UUID userId);

    /** Forgets the token, whoever it belongs to: the provider said it is no longer valid. */
    void removeToken(String token);

    record Registration(Device device, boolean created) {
    }
}
