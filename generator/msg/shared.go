package msg

// Sentences more than one area uses.
var (
	// DidYouMean follows an unknown key or value when a known one is close.
	DidYouMean = def(
		",是否应为 %q?",
		"; did you mean %q?")
	// UnknownField is a key that documents or statistics files do not have.
	UnknownField = def(
		"未知的字段",
		"unknown field")
)
