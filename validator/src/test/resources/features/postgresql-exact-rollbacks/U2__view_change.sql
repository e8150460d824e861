DROP VIEW active_items;
create view active_items as
    select id,
           name
    from items
    where active;
