-- Support and feedback figures, from the care module's events: each ticket's opening and first
-- staff response (the first-response time per day of response), and each shipment's current
-- rating with the agent who delivered it (a rating changed later replaces the one before).
create table reporting.tickets (
    ticket_id         uuid primary key,
    opened_at         timestamptz not null,
    first_response_at timestamptz
);
create index tickets_by_opening on reporting.tickets (opened_at);
create index tickets_by_first_response on reporting.tickets (first_response_at) where first_response_at is not null;

create table reporting.ratings (
    shipment_id uuid primary key,
    agent_id    uuid,
    rating      smallint    not null check (rating between 1 and 5),
    rated_at    timestamptz not null
);
create index ratings_by_agent on reporting.ratings (agent_id) where agent_id is not null;
