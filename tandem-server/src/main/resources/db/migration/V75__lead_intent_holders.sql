-- Who holds each Lead intent, and until when. Only the holder of an intent inserts that person's Lead, so two
-- creators (the sync's pusher and a flow step, on one node or two) never both insert one for the same person. A
-- hold ends when its attempt ends (the intent may stay open, unheld); a hold whose creator died lapses at
-- held_until (or when its node starts again under the same name) and is then taken over by the next creator, which
-- looks the Lead up before inserting anything. Rows without a holder are free.
ALTER TABLE lead_intents ADD COLUMN holder VARCHAR(140);
ALTER TABLE lead_intents ADD COLUMN held_until TIMESTAMP WITH TIME ZONE;
