-- Rate-limit counters are written on every merchant request and are worth nothing after a crash: a
-- window lasts a minute. Unlogged, a write skips the write-ahead log and the flush to disk at its
-- commit (bench, PostgreSQL, 8 connections: 70–90 µs an upsert against 120–165). After a crash the
-- server empties the table, which starts every window afresh; replicas do not have it.
ALTER TABLE "RateLimitCounter" SET UNLOGGED;
