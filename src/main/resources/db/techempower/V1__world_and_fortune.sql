-- The TechEmpower benchmark's data: benchmark data, not the user's, so it has its own Flyway
-- location and history table (see techempower.DbTests) and --no-techempower leaves it out.
-- Plain SQL that H2 and PostgreSQL both run as written; names unquoted, so each folds them its way.
--
-- World: ids 1..10000, each with a random number in 1..10000 drawn at seeding.
-- Fortune: the test type's 12 rows, verbatim (UTF-8: two em dashes and row 12 in Japanese).
CREATE TABLE World (
    id           INTEGER NOT NULL PRIMARY KEY,
    randomNumber INTEGER NOT NULL
);

INSERT INTO World (id, randomNumber)
WITH RECURSIVE ids (n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM ids WHERE n < 10000)
SELECT n, CAST(FLOOR(RANDOM() * 10000) AS INTEGER) + 1 FROM ids;

CREATE TABLE Fortune (
    id      INTEGER NOT NULL PRIMARY KEY,
    message VARCHAR(2048) NOT NULL
);

INSERT INTO Fortune (id, message) VALUES
    (1, 'fortune: No such file or directory'),
    (2, 'A computer scientist is someone who fixes things that aren''t broken.'),
    (3, 'After enough decimal places, nobody gives a damn.'),
    (4, 'A bad random number generator: 1, 1, 1, 1, 1, 4.33e+67, 1, 1, 1'),
    (5, 'A computer program does what you tell it to do, not what you want it to do.'),
    (6, 'Emacs is a nice operating system, but I prefer UNIX. — Tom Christaensen'),
    (7, 'Any program that runs right is obsolete.'),
    (8, 'A list is only as strong as its weakest link. — Donald Knuth'),
    (9, 'Feature: A bug with seniority.'),
    (10, 'Computers make very fast, very accurate mistakes.'),
    (11, '<script>alert("This should not be displayed in a browser alert box.");</script>'),
    (12, 'フレームワークのベンチマーク');
