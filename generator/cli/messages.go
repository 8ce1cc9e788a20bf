package cli

import (
	"os"
	"path/filepath"

	"gongkai/generator/msg"
	"gongkai/generator/publish"
	"gongkai/generator/siteconfig"
)

// siteLang is the language of the site in dir, Chinese when it cannot be read.
func siteLang(dir string) msg.Lang {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return msg.Zh
	}
	if _, err := os.Stat(filepath.Join(abs, "config.toml")); err != nil {
		return msg.Zh
	}
	if cfg, _, err := siteconfig.Load(abs); err == nil && cfg != nil && cfg.Lang != "" {
		return cfg.Lang
	}
	return siteconfig.GuessLang(abs)
}

// lockMessage says, in lang, why a lock could not be taken.
func lockMessage(lang msg.Lang, err error) string {
	if be, ok := err.(*publish.BusyError); ok {
		return msg.CLIBusy.F(lang, be.Path, be.Lock)
	}
	return msg.CLIError.F(lang, err.Error())
}
