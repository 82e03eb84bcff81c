-- A migration statement that runs longer than the 1 s a request may wait in MigrationTimeoutTest.
SELECT pg_sleep(2.5);
CREATE TABLE slow_done (id INT PRIMARY KEY);
