-- Names are single printable lines from now on (they reach emails, text messages and logs). An
-- account stored before keeps its name with each run of control characters (CR, LF, tab, other C0
-- and C1 controls, DEL, U+2028/U+2029) turned into one space. Phones are left as they are: the
-- notifications text only valid E.164 numbers.
update identity.users
set full_name = nullif(btrim(regexp_replace(full_name, '[\x01-\x1f\x7f-\x9f\u2028\u2029]+', ' ', 'g')), '')
where full_name ~ '[\x01-\x1f\x7f-\x9f\u2028\u2029]';
