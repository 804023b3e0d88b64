-- Cash on delivery per agent and currency, from payment.collected (cash only) and payment.remitted:
-- the report's cash outstanding is their difference.
create table reporting.agent_cash (
    agent_id        uuid    not null,
    currency        char(3) not null,
    collected_minor bigint  not null default 0,
    remitted_minor  bigint  not null default 0,
    primary key (agent_id, currency)
);
