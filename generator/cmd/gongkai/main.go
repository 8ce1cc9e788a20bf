// Command gongkai builds a government information-disclosure site from Markdown. See the README.
package main

import (
	"os"

	"gongkai/generator/cli"
)

func main() { os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr)) }
