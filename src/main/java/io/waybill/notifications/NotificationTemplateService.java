package io.waybill.notifications;

import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.NotFoundException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A tenant's own notification texts (issue 13), for its admins: each replaces the built-in template
 * of one kind and channel for the tenant's notifications, until removed.
 */
@Service
public class NotificationTemplateService {

    private static final String NO_SUCH_TEMPLATE = "No notification template of this kind and channel.";

    private final TemplateOverrides overrides;
    private final NotificationTemplates templates;
    private final Clock clock;

    NotificationTemplateService(TemplateOverrides overrides, NotificationTemplates templates, Clock clock) {
        this.overrides = overrides;
        this.templates = templates;
        this.clock = clock;
    }

    public List<TemplateOverride> list(Caller caller) {
        requireAdmin(caller);
        return overrides.list();
    }

    /** Sets the tenant's text for this kind and channel; 404 when there is no such built-in template. */
    @Transactional
    public TemplateOverride override(Caller caller, String kind, String channel, String template) {
        requireAdmin(caller);
        Channel parsed = channel(channel);
        String builtIn = templates.builtInIfAny(kind, parsed).orElseThrow(() -> new NotFoundException(NO_SUCH_TEMPLATE));
        TemplateOverride override = TemplateOverride.of(kind, parsed, template, builtIn, clock.instant());
        overrides.store(override);
        return override;
    }

    /** Goes back to the built-in text; 404 when the tenant had none of its own. */
    @Transactional
    public void remove(Caller caller, String kind, String channel) {
        requireAdmin(caller);
        if (!overrides.remove(kind, channel(channel))) {
            throw new NotFoundException("This tenant has no text of its own for this notification.");
        }
    }

    private static Channel channel(String wire) {
        return Arrays.stream(Channel.values()).filter(channel -> channel.wireName().equals(wire)).findFirst()
                .orElseThrow(() -> new NotFoundException(NO_SUCH_TEMPLATE));
    }

    private static void requireAdmin(Caller caller) {
        if (caller == null || !caller.isAdmin()) {
            throw new ForbiddenException("Only the tenant's admins manage its notification texts.");
        }
    }
}
