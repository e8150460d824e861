DROP TABLE checked;
