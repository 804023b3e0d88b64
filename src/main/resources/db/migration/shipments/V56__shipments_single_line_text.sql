-- Addresses, names, locations and notes are single printable lines from now on (they reach
-- notifications and logs, and the domain types refuse anything else, also when reading). Rows
-- stored before get each run of control characters (CR, LF, tab, other C0 and C1 controls, DEL,
-- U+2028/U+2029) turned into one space. A recipient phone stored before the E.164 rule is kept.
update shipments.shipments
set source_address = coalesce(nullif(btrim(regexp_replace(source_address,
            '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), ''), '-'),
    destination_address = coalesce(nullif(btrim(regexp_replace(destination_address,
            '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), ''), '-'),
    recipient_name = nullif(btrim(regexp_replace(recipient_name, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), ''),
    recipient_phone = nullif(btrim(regexp_replace(recipient_phone, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), ''),
    description = nullif(btrim(regexp_replace(description, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), '')
where source_address ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]'
   or destination_address ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]'
   or recipient_name ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]'
   or recipient_phone ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]'
   or description ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]';

update shipments.tracking_updates
set location = nullif(btrim(regexp_replace(location, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), ''),
    note = nullif(btrim(regexp_replace(note, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), '')
where location ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]'
   or note ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]';
