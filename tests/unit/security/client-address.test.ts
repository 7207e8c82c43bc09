import { describe, expect, it } from "vitest";
import { addressNetwork, clientAddress } from "@/lib/security/client-address";

describe("the client address used for sign-in throttling", () => {
  it("is unknown without a trusted proxy, whatever the client claims", () => {
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, { trustProxy: false })).toBeNull();
    expect(clientAddress(new Headers({ "x-forwarded-for": "203.0.113.9" }), { trustProxy: false })).toBeNull();
  });

  it("is the last hop behind a trusted proxy: the entries before it were written by the client", () => {
    const trusted = { trustProxy: true };
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9" }, trusted)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "1.1.1.1, 10.0.0.1 , 203.0.113.9" }, trusted)).toBe("203.0.113.9");
    expect(clientAddress(new Headers({ "x-forwarded-for": "1.1.1.1, 2001:db8::1" }), trusted)).toBe("2001:db8::1");
    expect(clientAddress({ "x-forwarded-for": "::ffff:192.0.2.4" }, trusted)).toBe("192.0.2.4");
  });

  it("is unknown when the last hop is missing or not an address", () => {
    const trusted = { trustProxy: true };
    expect(clientAddress({}, trusted)).toBeNull();
    expect(clientAddress(undefined, trusted)).toBeNull();
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9, " }, trusted)).toBe("203.0.113.9");
    expect(clientAddress({ "x-forwarded-for": "203.0.113.9, evil.example" }, trusted)).toBeNull();
  });
});

describe("the network a sign-up is counted against", () => {
  it("is the IPv4 address itself: a school's NAT is one address", () => {
    expect(addressNetwork("203.0.113.9")).toBe("203.0.113.9");
  });

  it("is the /64 of an IPv6 address, however it is written", () => {
    expect(addressNetwork("2001:db8:0:0:1:2:3:4")).toBe("ipv6:2001:db8:0:0");
    expect(addressNetwork("2001:0DB8::9")).toBe("ipv6:2001:db8:0:0");
    expect(addressNetwork("2001:db8:0:0::ffff")).toBe(addressNetwork("2001:db8::1"));
    expect(addressNetwork("2001:db8:1::1")).not.toBe(addressNetwork("2001:db8:2::1"));
    expect(addressNetwork("::1")).toBe("ipv6:0:0:0:0");
    expect(addressNetwork("fe80::")).toBe("ipv6:fe80:0:0:0");
    expect(addressNetwork("2001:db8:a:b:c::")).toBe("ipv6:2001:db8:a:b");
  });
});
