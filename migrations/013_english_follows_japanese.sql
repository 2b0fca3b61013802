-- Which Japanese answer an item's English answer was written for: when the Japanese changes and the English does
-- not, English questionnaires hold the item's rows for a reviewer instead of sending an outdated translation.
ALTER TABLE items ADD COLUMN answer_en_for TEXT;
UPDATE items SET answer_en_for = answer WHERE answer_en IS NOT NULL;
