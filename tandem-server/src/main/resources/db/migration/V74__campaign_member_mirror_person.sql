-- Batch lookups "these people of one program" (pusher, reconcile, pull) find each person through this index.
-- With the primary key alone, H2 and PostgreSQL without statistics scan every mirror row of the program for each
-- batch, which made pushes and reconciles slow down as a program's mirror grew.
CREATE INDEX campaign_member_mirror_person ON campaign_member_mirror (person_id, program_id);
