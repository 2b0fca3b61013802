-- A reviewer's decision remembers the value they chose for a yes/no or status column (in the customer's words),
-- so the next questionnaire asking the same thing gets that value too, not the item's default.
ALTER TABLE aliases ADD COLUMN choice TEXT;
