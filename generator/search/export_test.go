package search

// SetShardTarget sets the shard size for a test and returns the function
// that restores it: small shards give small test indexes terms with files of
// their own (terms/), which real sites have only for common terms.
func SetShardTarget(n int) (restore func()) {
	old := shardTarget
	shardTarget = n
	return func() { shardTarget = old }
}
