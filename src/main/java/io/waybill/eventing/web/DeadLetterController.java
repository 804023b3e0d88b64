package io.waybill.eventing.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.waybill.eventing.outbox.DeadLetters;
import io.waybill.eventing.outbox.DeadLetters.DeadLetter;
import io.waybill.kernel.Page;
import io.waybill.kernel.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Events a consumer could not handle, parked so that its module went on: list, retry, discard. */
@RestController
@Tag(name = "Admin: events")
class DeadLetterController {

    private final DeadLetters deadLetters;

    DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/events/dead-letters")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Parked events", description = "Events a consumer group failed to handle "
            + "waybill.events.park-after times in a row, newest first, with the last error. group narrows the "
            + "list to one consumer group (e.g. notifications). In a split deployment each service lists its own.")
    Page<DeadLetter> list(@RequestParam(required = false) String group, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size) {
        return deadLetters.list(group == null || group.isBlank() ? null : group, PageQuery.of(page, size));
    }

    @GetMapping("/admin/events/dead-letters/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "One parked event")
    DeadLetter get(@PathVariable long id) {
        return deadLetters.get(id);
    }

    @PostMapping("/admin/events/dead-letters/{id}/retry")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Hand a parked event to its consumer again", description = "204 when the consumer "
            + "handled it (the dead letter is gone); 409 with the error when it still fails (it stays parked).")
    void retry(@PathVariable long id) {
        deadLetters.retry(id);
    }

    @DeleteMapping("/admin/events/dead-letters/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Discard a parked event for good")
    void discard(@PathVariable long id) {
        deadLetters.discard(id);
    }
}
