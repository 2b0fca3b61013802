-- What matching knows (the items and their answers, reviewers' decisions, the answer library) has a revision
-- number that every change to it raises, by trigger, so no write can forget it. Whatever is built from that
-- knowledge (the matcher compiled in a worker, the lists read for an upload) is kept for one revision and
-- rebuilt when the number moves (src/pipeline/knowledge.ts).
CREATE TABLE knowledge (
  id        INTEGER PRIMARY KEY CHECK (id = 1),
  revision  INTEGER NOT NULL
);
INSERT INTO knowledge (id, revision) VALUES (1, 1);

CREATE TRIGGER items_changed AFTER UPDATE ON items BEGIN UPDATE knowledge SET revision = revision + 1; END;
CREATE TRIGGER aliases_added AFTER INSERT ON aliases BEGIN UPDATE knowledge SET revision = revision + 1; END;
CREATE TRIGGER aliases_changed AFTER UPDATE ON aliases BEGIN UPDATE knowledge SET revision = revision + 1; END;
CREATE TRIGGER aliases_removed AFTER DELETE ON aliases BEGIN UPDATE knowledge SET revision = revision + 1; END;
CREATE TRIGGER library_added AFTER INSERT ON library BEGIN UPDATE knowledge SET revision = revision + 1; END;
CREATE TRIGGER library_changed AFTER UPDATE ON library BEGIN UPDATE knowledge SET revision = revision + 1; END;
CREATE TRIGGER library_removed AFTER DELETE ON library BEGIN UPDATE knowledge SET revision = revision + 1; END;
