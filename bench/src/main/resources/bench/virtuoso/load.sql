-- Bulk load of the benchmark's TriG file (every statement in its passage's named graph), then a checkpoint so the
-- measurement starts from a clean database. The placeholders in double braces are SQL string literals filled in by
-- org.icakg.bench.Virtuoso.
ld_dir({{dataDir}}, {{fileName}}, {{defaultGraph}});
rdf_loader_run();
checkpoint;
SELECT 'load-errors', COUNT(*) FROM DB.DBA.LOAD_LIST WHERE ll_error IS NOT NULL;
