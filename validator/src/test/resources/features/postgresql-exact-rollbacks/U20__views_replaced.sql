-- each view written back in the words pg_dump -s prints for it
DROP VIEW cheap_goods;
CREATE VIEW public.cheap_goods AS
 SELECT goods.id,
    goods.name
   FROM public.goods
  WHERE ((goods.price < (10)::numeric) AND ((goods.status)::text = 'live'::text));
CREATE VIEW public.owned_goods AS
 SELECT g.id,
    o.name AS owner,
    count(*) AS n
   FROM (public.goods g
     JOIN public.owners o ON ((o.id = g.owner_id)))
  GROUP BY g.id, o.name;
CREATE VIEW public.all_goods AS
 SELECT goods.id,
    goods.name,
    goods.price,
    goods.status,
    goods.owner_id
   FROM public.goods;
CREATE MATERIALIZED VIEW public.goods_by_owner AS
 SELECT goods.owner_id,
    (sum(goods.price))::numeric(12,2) AS total
   FROM public.goods
  GROUP BY goods.owner_id
  WITH NO DATA;
