-- The newer release adds this one.
CREATE TABLE schemacheck_two (id INT PRIMARY KEY);
