-- Default channel set (a Marketo-recommended one); admins may edit channels later.
-- Every channel carries "Not in Program" at step 0; a member holds any other status.
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (1, 'Email Send', 'EMAIL', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (1, 'Not in Program', 0, FALSE, FALSE),
    (1, 'Member', 10, FALSE, FALSE),
    (1, 'Engaged', 20, TRUE, FALSE);
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (2, 'Webinar', 'EVENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (2, 'Not in Program', 0, FALSE, FALSE),
    (2, 'Member', 10, FALSE, FALSE),
    (2, 'Registered', 20, FALSE, FALSE),
    (2, 'No Show', 30, FALSE, FALSE),
    (2, 'Attended', 30, TRUE, FALSE),
    (2, 'Attended On-Demand', 40, TRUE, FALSE);
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (3, 'Tradeshow', 'EVENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (3, 'Not in Program', 0, FALSE, FALSE),
    (3, 'Member', 10, FALSE, FALSE),
    (3, 'Visited Booth', 20, FALSE, FALSE),
    (3, 'Engaged', 20, TRUE, FALSE);
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (4, 'Seminar', 'EVENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (4, 'Not in Program', 0, FALSE, FALSE),
    (4, 'Member', 10, FALSE, FALSE),
    (4, 'Registered', 20, FALSE, FALSE),
    (4, 'No Show', 30, FALSE, FALSE),
    (4, 'Attended', 30, TRUE, FALSE);
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (5, 'Online Advertising', 'DEFAULT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (5, 'Not in Program', 0, FALSE, FALSE),
    (5, 'Member', 10, FALSE, FALSE),
    (5, 'Engaged', 20, TRUE, FALSE);
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (6, 'Content', 'DEFAULT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (6, 'Not in Program', 0, FALSE, FALSE),
    (6, 'Member', 10, FALSE, FALSE),
    (6, 'Engaged', 20, TRUE, FALSE);
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (7, 'Web', 'DEFAULT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (7, 'Not in Program', 0, FALSE, FALSE),
    (7, 'Member', 10, FALSE, FALSE),
    (7, 'Engaged', 20, TRUE, FALSE);
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (8, 'List Import', 'DEFAULT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (8, 'Not in Program', 0, FALSE, FALSE),
    (8, 'Member', 10, FALSE, FALSE),
    (8, 'Do Not Use', 20, FALSE, TRUE);
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (9, 'Operational', 'DEFAULT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (9, 'Not in Program', 0, FALSE, FALSE),
    (9, 'Member', 10, FALSE, FALSE),
    (9, 'Do Not Use', 20, FALSE, TRUE);
INSERT INTO channels (id, name, applicable_program_type, created_at, updated_at) VALUES (10, 'Nurture', 'ENGAGEMENT', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
INSERT INTO channel_statuses (channel_id, name, step, success, hidden) VALUES
    (10, 'Not in Program', 0, FALSE, FALSE),
    (10, 'Member', 10, FALSE, FALSE),
    (10, 'Engaged', 20, TRUE, FALSE);
-- Explicit ids above: move the identity past them so admin-created channels do not collide.
ALTER TABLE channels ALTER COLUMN id RESTART WITH 11;
