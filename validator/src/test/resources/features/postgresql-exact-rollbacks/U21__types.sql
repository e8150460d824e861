DROP DOMAIN contact_email;
DROP TYPE postal;
DROP TYPE tone;
