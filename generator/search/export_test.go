package search

// SetShardTarget sets the shard size for a test and returns the function
// that restores it: small shards give small test indexes terms with files of
// their own (terms/), which real sites have only for common terms.
func SetShardTarget(n int) (restore func()) {
	old := shardTarget
	shardTarget = n
	return func() { shardTarget = old }
}

// SetCheckBudget lifts the number of texts a page may check, for a test
// that compares a first page with the first results of all.
func SetCheckBudget(f func(limit int) int) (restore func()) {
	old := checkBudget
	checkBudget = f
	return func() { checkBudget = old }
}
