package health

import (
	"testing"
	"time"
)

func TestWorkingDays(t *testing.T) {
	loc := time.FixedZone("CST", 8*3600)
	fri := time.Date(2024, 3, 8, 17, 0, 0, 0, loc)
	for _, tc := range []struct {
		to   string
		want int
	}{
		{"2024-03-08", 0}, {"2024-03-09", 0}, {"2024-03-10", 0}, {"2024-03-11", 1}, {"2024-03-13", 3}, {"2024-03-14", 4},
	} {
		to, _ := time.ParseInLocation("2006-01-02", tc.to, loc)
		if got := workingDaysBetween(fri, to.Add(9*time.Hour), loc); got != tc.want {
			t.Errorf("Friday 8 March to %s: %d working days, want %d", tc.to, got, tc.want)
		}
	}
}
