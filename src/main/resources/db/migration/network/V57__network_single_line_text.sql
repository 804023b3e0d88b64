-- Hub and vehicle texts are single printable lines from now on; rows stored before get each run of
-- control characters (CR, LF, tab, other C0 and C1 controls, DEL, U+2028/U+2029) turned into one space.
update network.hubs
set hub_name = coalesce(nullif(btrim(regexp_replace(hub_name, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), ''), '-'),
    city = coalesce(nullif(btrim(regexp_replace(city, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), ''), '-'),
    address = nullif(btrim(regexp_replace(address, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), '')
where hub_name ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]'
   or city ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]'
   or address ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]';

update network.vehicles
set registration_number = coalesce(nullif(btrim(regexp_replace(registration_number,
        '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), ''), '-')
where registration_number ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]';
