SET NAMES utf8mb4;
SET FOREIGN_KEY_CHECKS = 0;
CREATE TABLE orders (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT,
  customer VARCHAR(100) NOT NULL COMMENT 'who ordered',
  status ENUM('new','paid','shipped') NOT NULL DEFAULT 'new',
  total DECIMAL(10,2) NOT NULL,
  qty INT NOT NULL DEFAULT 1,
  line_total DECIMAL(12,2) AS (total * qty) STORED,
  note VARCHAR(255) INVISIBLE,
  created_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
  PRIMARY KEY (id),
  KEY (customer),
  CONSTRAINT chk_total CHECK (total >= 0)
) ENGINE=InnoDB AUTO_INCREMENT=1000 DEFAULT CHARSET=utf8mb4 COMMENT='orders';
SET FOREIGN_KEY_CHECKS = 1;
ALTER TABLE orders DROP INDEX customer;
ALTER TABLE orders ADD INDEX idx_customer_status (customer, status DESC);
ALTER TABLE orders ADD COLUMN (shipped_at DATETIME NULL, carrier VARCHAR(30) NULL);
ALTER TABLE orders CHANGE carrier shipper VARCHAR(40) NULL;
ALTER TABLE orders ALTER COLUMN qty DROP DEFAULT;
ALTER TABLE orders ALTER COLUMN qty SET DEFAULT 2;
ALTER TABLE orders MODIFY status ENUM('new','paid','shipped','returned') NOT NULL DEFAULT 'new';
ALTER TABLE orders ADD CONSTRAINT chk_qty CHECK (qty > 0);
ALTER TABLE orders DROP CONSTRAINT chk_qty;
ALTER TABLE orders DROP CONSTRAINT chk_total;
ALTER TABLE orders AUTO_INCREMENT = 5000;
ALTER TABLE orders COMMENT = 'customer orders';
ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci;
ALTER TABLE orders RENAME KEY idx_customer_status TO idx_cust_status;
ALTER TABLE orders ADD FULLTEXT INDEX ft_customer (customer);
CREATE TABLE order_items (
  order_id BIGINT UNSIGNED NOT NULL,
  sku VARCHAR(40) NOT NULL,
  PRIMARY KEY (order_id, sku),
  FOREIGN KEY (order_id) REFERENCES orders (id) ON DELETE CASCADE ON UPDATE CASCADE
);
ALTER TABLE order_items ADD COLUMN price DECIMAL(10,2) NOT NULL DEFAULT 0 AFTER sku;
CREATE TABLE order_archive AS SELECT id, customer, total FROM orders WHERE status = 'shipped';
ALTER TABLE order_archive ADD PRIMARY KEY (id);
CREATE TABLE monthly (id INT NOT NULL, m DATE NOT NULL, PRIMARY KEY (id, m))
  PARTITION BY RANGE (YEAR(m)) (PARTITION p2023 VALUES LESS THAN (2024), PARTITION pmax VALUES LESS THAN MAXVALUE);
ALTER TABLE monthly REORGANIZE PARTITION pmax INTO (PARTITION p2024 VALUES LESS THAN (2025), PARTITION pmax VALUES LESS THAN MAXVALUE);
CREATE VIEW order_totals (customer, sum_total) AS SELECT customer, SUM(total) FROM orders GROUP BY customer;
ALTER VIEW order_totals AS SELECT customer, SUM(total) AS sum_total FROM orders GROUP BY customer;
CREATE FUNCTION cents(d DECIMAL(10,2)) RETURNS INT DETERMINISTIC RETURN ROUND(d * 100);
INSERT INTO orders (customer, total) VALUES ('ann', 10.50), ('bob', 3.00);
INSERT INTO orders VALUES (NULL, 'cy', 'new', 1.00, 2, DEFAULT, NOW(3), NULL, NULL);
UPDATE orders SET qty = DEFAULT, total = total + 1 ORDER BY id DESC LIMIT 1;
UPDATE orders SET note = CONCAT_WS(' ', customer, status) WHERE cents(total) > 100;
INSERT INTO order_items (order_id, sku, price) SELECT id, 'x', total FROM orders ON DUPLICATE KEY UPDATE price = VALUES(price);
DELETE o, i FROM orders o JOIN order_items i ON i.order_id = o.id WHERE o.status = 'returned';
DELETE FROM orders WHERE created_at < NOW() - INTERVAL 10 YEAR;
UPDATE orders SET shipped_at = COALESCE(shipped_at, created_at + INTERVAL 1 DAY), shipper = 'ups' WHERE status = 'shipped';
INSERT INTO order_archive (id, customer, total) SELECT id, customer, total FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_archive a WHERE a.id = o.id);
TRUNCATE TABLE order_archive;
ALTER TABLE order_items DROP FOREIGN KEY order_items_ibfk_1;
ALTER TABLE order_items ADD CONSTRAINT fk_items_order FOREIGN KEY (order_id) REFERENCES orders (id);
DROP FUNCTION cents;
DROP VIEW IF EXISTS order_totals;
CREATE TABLE counters (name VARCHAR(20) PRIMARY KEY, n INT NOT NULL DEFAULT 0) ENGINE=InnoDB;
INSERT INTO counters (name) VALUES ('a') ON DUPLICATE KEY UPDATE n = n + 1;
UPDATE counters SET n = GREATEST(n - 1, 0), name = LOWER(name) WHERE name REGEXP '^[a-z]+$';
ALTER TABLE counters ADD COLUMN meta LONGTEXT CHECK (JSON_VALID(meta));
UPDATE counters SET meta = JSON_OBJECT('n', n) WHERE meta IS NULL;
SELECT COUNT(*) INTO @c FROM counters;
ALTER TABLE counters ADD COLUMN uid BINARY(16) NULL, ADD UNIQUE KEY uk_uid (uid);
UPDATE counters SET uid = UNHEX(REPLACE(UUID(), '-', '')) WHERE uid IS NULL;
ALTER TABLE counters MODIFY uid BINARY(16) NOT NULL;
CREATE VIEW counter_names AS SELECT name FROM counters;
RENAME TABLE counter_names TO counter_labels;
DROP VIEW counter_labels;
ALTER TABLE counters ADD UNIQUE KEY uk_counter_name (name);
ALTER TABLE counters RENAME INDEX uk_counter_name TO uk_counters_name;
ALTER TABLE counters DROP INDEX uk_counters_name;
