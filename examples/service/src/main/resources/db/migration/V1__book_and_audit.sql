-- fairlead service schema, version 1. Portable SQL: the same script runs on H2 and PostgreSQL.

-- The book's log, one row per event, in order. body is the event as fairlead JSON
-- (FairleadJson.writeBookEvent); the other columns are copies for queries by hand.
create table book_event (
  seq bigint not null primary key,
  at varchar(40) not null,
  kind varchar(40) not null,
  actor varchar(400) not null,
  hash varchar(64) not null,
  body varchar(1000000) not null
);

-- Every decision and refusal of the service, with its actor: chained by hash like the book's log.
-- A decision names the book events it recorded (first_event..last_event); a refusal names none.
create table audit_entry (
  id bigint not null primary key,
  at varchar(40) not null,
  actor varchar(400) not null,
  role varchar(20) not null,
  action varchar(100) not null,
  target varchar(400) not null,
  outcome varchar(20) not null,
  status integer not null,
  detail varchar(4000) not null,
  first_event bigint,
  last_event bigint,
  previous_hash varchar(64) not null,
  hash varchar(64) not null
);

-- What the book was started under (its policy and lifecycle), checked at every start.
create table service_meta (
  name varchar(100) not null primary key,
  body varchar(1000000) not null
);
