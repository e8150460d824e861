DELIMITER //
CREATE TRIGGER titles_before_insert BEFORE INSERT ON titles FOR EACH ROW
BEGIN
  IF NEW.price < 0 THEN
    SET NEW.price = 0;
  END IF;
END//
CREATE PROCEDURE reprice(IN factor DECIMAL(5,2))
BEGIN
  UPDATE titles SET price = price * factor WHERE price > 0;
END//
DELIMITER ;
CALL reprice(1.00);
DROP PROCEDURE IF EXISTS reprice;
DROP TRIGGER titles_before_insert;
