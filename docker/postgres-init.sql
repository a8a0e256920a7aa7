-- Runs once, on an empty data directory, as the superuser (/docker-entrypoint-initdb.d, via psql).
-- plexus_owner owns the schema and runs migrations; plexus_app is what the API and worker connect as (RLS applies,
-- and the API refuses to start as a superuser, a BYPASSRLS role or a table owner).
-- Passwords come from PLEXUS_OWNER_PASSWORD / PLEXUS_APP_PASSWORD (psql \getenv, PostgreSQL 15+), else dev defaults.
\set ON_ERROR_STOP on
\getenv owner_password PLEXUS_OWNER_PASSWORD
\getenv app_password PLEXUS_APP_PASSWORD
\if :{?owner_password}
\else
  \set owner_password plexus_owner
\endif
\if :{?app_password}
\else
  \set app_password plexus_app
\endif

CREATE ROLE plexus_owner LOGIN CREATEDB NOSUPERUSER NOBYPASSRLS NOCREATEROLE PASSWORD :'owner_password';
CREATE ROLE plexus_app LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD :'app_password';
CREATE DATABASE plexus OWNER plexus_owner;

\connect plexus
ALTER SCHEMA public OWNER TO plexus_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
