DROP POLICY orders_positive ON shop.orders;
DROP FUNCTION shop.touch() CASCADE;
