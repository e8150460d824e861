DROP INDEX shop.products_sku_idx;
