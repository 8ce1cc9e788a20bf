package preview

import (
	"net"
	"strings"
	"testing"
)

// Bound to every interface, serve prints an address a browser can open and the machine's LAN addresses, never
// http://[::]:port/ or http://0.0.0.0:port/.
func TestAddressesAllInterfaces(t *testing.T) {
	var want []string
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok && ipn.IP.To4() != nil && !ipn.IP.IsLoopback() && !ipn.IP.IsLinkLocalUnicast() {
			want = append(want, ipn.IP.String())
		}
	}
	for _, ip := range []net.IP{net.IPv6unspecified, net.IPv4zero} {
		local, lan := Addresses(&net.TCPAddr{IP: ip, Port: 1313})
		if local != "http://127.0.0.1:1313/" {
			t.Errorf("%s: local %q", ip, local)
		}
		if len(lan) != len(want) {
			t.Errorf("%s: LAN addresses %v, want one for each of %v", ip, lan, want)
		}
		for _, u := range lan {
			if strings.Contains(u, "[::]") || strings.Contains(u, "0.0.0.0") || !strings.HasSuffix(u, ":1313/") {
				t.Errorf("%s: LAN address %q", ip, u)
			}
		}
	}
	local, lan := Addresses(&net.TCPAddr{IP: net.IPv4(127, 0, 0, 1), Port: 8080})
	if local != "http://127.0.0.1:8080/" || lan != nil {
		t.Errorf("loopback: %q %v", local, lan)
	}
}
