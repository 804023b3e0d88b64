package io.waybill.notifications;

import java.util.List;
import java.util.Optional;

/** The current tenant's own notification texts; each row is its tenant's (row-level security). */
public interface TemplateOverrides {

    Optional<String> find(String kind, Channel channel);

    List<TemplateOverride> list();

    void store(TemplateOverride override);

    /** Removes the override; whether there was one. */
    boolean remove(String kind, Channel channel);
}
