import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideKnowledge
@testable import GuideRender
@testable import GuideReports

/// Internationalised hosts are written in their ASCII form everywhere.
struct IDNATests {
    /// Expected values from an independent implementation (Python's `punycode` codec).
    static let vectors: [(String, String)] = [
        ("bücher", "bcher-kva"), ("münchen", "mnchen-3ya"), ("españa", "espaa-rta"),
        ("他们为什么不说中文", "ihqwcrb4cv8a8dqg056pqjye"), ("3年b組金八先生", "3b-ww4c5e180e575a65lsy2b"),
        ("ü", "tda"), ("straße", "strae-oqa"), ("ελληνικά", "hxargifdar"), ("пример", "e1afmkfd"),
        ("café-crème", "caf-crme-60ag"),
    ]

    @Test func punycodeMatchesAnIndependentImplementation() {
        for (text, encoded) in Self.vectors {
            #expect(Punycode.encode(text) == encoded, "\(text)")
            #expect(Punycode.decode(encoded) == text, "\(encoded)")
        }
    }

    @Test func randomLabelsRoundTrip() {
        var random = SeededGenerator(seed: 3)
        let alphabet = Array("abz09-äöüßéñçøåλΩжя中文字😀".unicodeScalars)
        for _ in 0..<500 {
            let text = String(String.UnicodeScalarView((0..<Int.random(in: 1...20, using: &random)).map { _ in
                alphabet.randomElement(using: &random)!
            }))
            let encoded = Punycode.encode(text)
            #expect(encoded.flatMap(Punycode.decode) == text, "\(text)")
        }
    }

    @Test func hostsBecomeASCII() throws {
        #expect(try IDNA.asciiHost("Pve.München.Example").get() == "pve.xn--mnchen-3ya.example")
        #expect(try IDNA.asciiHost("auth.example.com").get() == "auth.example.com")
        #expect(try IDNA.asciiHost("xn--mnchen-3ya.example").get() == "xn--mnchen-3ya.example")
        // Not Punycode at all, or Punycode of plain ASCII: not an IDNA label.
        #expect(throws: IDNAError.self) { try IDNA.asciiHost("xn--zz.example").get() }
        #expect(throws: IDNAError.self) { try IDNA.asciiHost("xn--abc-.example").get() }
        // Invisible and symbol characters are not part of any host name.
        #expect(throws: IDNAError.self) { try IDNA.asciiHost("p\u{200B}ve.example").get() }
        #expect(throws: IDNAError.self) { try IDNA.asciiHost("a$b.example").get() }
        #expect(throws: IDNAError.self) { try IDNA.asciiHost(String(repeating: "ä", count: 70) + ".example").get() }
    }

    /// A site's Unicode URL is rendered in its ASCII form; an IDNA host stays ASCII wherever
    /// a URL is read (Foundation's URLComponents would turn it into Unicode).
    @Test func sitesAndURLsKeepTheASCIIForm() throws {
        let site = try SiteLoader.parse("""
            application_root_url: https://pve.münchen.example:8006/
            authelia_root_url: https://auth.example/a/ä
            client_id: pve
            """, file: "s.yml", name: "s")
        #expect(site.value(for: AssumptionKey(.applicationRootURL))?.text == "https://pve.xn--mnchen-3ya.example:8006/")
        #expect(site.value(for: AssumptionKey(.autheliaRootURL))?.text == "https://auth.example/a/%C3%A4")
        #expect(WebURL("https://xn--mnchen-3ya.example:8443/x")?.host == "xn--mnchen-3ya.example")
        #expect(WebURL("https://xn--mnchen-3ya.example:8443/x")?.origin == "https://xn--mnchen-3ya.example:8443")
        #expect(WebURL("https://user@[::1]:8443/x")?.host == "[::1]")
        #expect(throws: InputError.self) {
            try SiteLoader.parse("application_root_url: https://xn--zz.example/\n", file: "s.yml", name: "s")
        }
    }
}
