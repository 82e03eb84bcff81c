-- A migration of the schema check tests: the older release has this one only.
CREATE TABLE schemacheck_one (id INT PRIMARY KEY);
