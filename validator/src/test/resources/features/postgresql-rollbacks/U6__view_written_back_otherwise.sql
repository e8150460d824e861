-- wrong on purpose: the view is written back as pg_dump prints it, but with another price
CREATE OR REPLACE VIEW shop.cheap AS
 SELECT products.id,
    products.name
   FROM shop.products
  WHERE (products.price < (20)::numeric);
