CREATE TABLE measurements (
    id bigint GENERATED ALWAYS AS IDENTITY,
    city_id int NOT NULL,
    logdate date NOT NULL,
    peaktemp int,
    PRIMARY KEY (id, logdate)
) PARTITION BY RANGE (logdate);
CREATE TABLE measurements_2025 PARTITION OF measurements FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE measurements_2026 (LIKE measurements INCLUDING DEFAULTS INCLUDING CONSTRAINTS);
ALTER TABLE measurements ATTACH PARTITION measurements_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX measurements_city_idx ON ONLY measurements (city_id);
CREATE INDEX measurements_2025_city_idx ON measurements_2025 (city_id);
ALTER INDEX measurements_city_idx ATTACH PARTITION measurements_2025_city_idx;
ALTER TABLE measurements DETACH PARTITION measurements_2026;
DROP TABLE measurements_2026;
