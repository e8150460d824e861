ALTER TYPE tone RENAME VALUE 'mid' TO 'medium';
ALTER TYPE postal ADD ATTRIBUTE zip text, ALTER ATTRIBUTE city TYPE varchar(80);
ALTER TYPE postal RENAME ATTRIBUTE street TO line1;
