package io.waybill.shipments.payment;

import io.waybill.eventing.EventPublisher;
import io.waybill.kernel.Caller;
import io.waybill.kernel.ForbiddenException;
import io.waybill.kernel.Money;
import io.waybill.kernel.NotFoundException;
import io.waybill.kernel.Role;
import io.waybill.security.AccountLookup;
import io.waybill.shipments.PaymentRemitted;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Agents' cash on delivery: what each holds, and the remittances admins record, each settling the
 * agent's oldest collections it covers ({@link Settlement}) and announced as {@link PaymentRemitted}.
 */
@Service
public class AgentCashService {

    private final CashLedger ledger;
    private final AccountLookup accounts;
    private final EventPublisher events;
    private final Clock clock;

    AgentCashService(CashLedger ledger, AccountLookup accounts, EventPublisher events, Clock clock) {
        this.ledger = ledger;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    /** An admin records cash the agent handed in; refused above what the agent holds in that currency. */
    @Transactional
    public Remittance remit(Caller caller, UUID agentId, Money amount, String reference) {
        requireAdmin(caller);
        requireAgent(agentId);
        ledger.lock(agentId);
        AgentCash.Balance before = ledger.balance(agentId, amount.currency());
        Instant now = clock.instant();
        Remittance remittance = Remittance.record(agentId, amount, before.outstanding(), reference, caller.userId(),
                now);
        ledger.add(remittance);
        CashLedger.Open open = ledger.open(agentId, amount.currency());
        List<UUID> settled = Settlement.covered(open.collections(), before.remitted().plus(amount).amountMinor(),
                open.settled().amountMinor());
        ledger.settle(settled, remittance.id(), now);
        events.publish(new PaymentRemitted(remittance.id(), agentId, amount.amountMinor(), amount.currencyCode(),
                remittance.reference(), settled, caller.userId(), now));
        return remittance;
    }

    /** An agent's cash, for admins. */
    @Transactional(readOnly = true)
    public AgentCash cash(Caller caller, UUID agentId) {
        requireAdmin(caller);
        requireAgent(agentId);
        return ledger.cash(agentId);
    }

    /** The calling agent's own cash. */
    @Transactional(readOnly = true)
    public AgentCash ownCash(Caller caller) {
        if (!caller.isAgent()) {
            throw new ForbiddenException("Only delivery agents hold collected cash.");
        }
        return ledger.cash(caller.userId());
    }

    private static void requireAdmin(Caller caller) {
        if (!caller.isAdmin()) {
            throw new ForbiddenException("Only an admin can read or settle an agent's cash.");
        }
    }

    /** A live agent, or one deleted while cash was still in their name (which must still be settled). */
    private void requireAgent(UUID agentId) {
        boolean agent = accounts.activeRole(agentId).filter(role -> role == Role.AGENT).isPresent();
        if (!agent && !ledger.knows(agentId)) {
            throw new NotFoundException("No delivery agent with this id.");
        }
    }
}
